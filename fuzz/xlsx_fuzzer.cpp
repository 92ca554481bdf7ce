// Fuzzes the XLSX reader. The first byte picks the mode:
//   even: the rest is the file itself (the zip container, with the expansion limits);
//   odd:  the rest is the workbook's XML parts separated by lines "#part": workbook.xml, its
//         relationships, styles.xml, sharedStrings.xml and the worksheet, zipped here (stored,
//         with correct checksums) so that mutations reach the XML rather than the zip's CRCs.
// Then the shared sheet reader runs. Rows read = entries made + rows rejected must hold.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_case.hpp"
#include "readers.hpp"

using namespace sightline;

namespace {

std::uint32_t crc32(std::string_view bytes) {
    static const std::array<std::uint32_t, 256> table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t i = 0; i < 256; ++i) {
            std::uint32_t c = i;
            for (int k = 0; k < 8; ++k) c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (const char ch : bytes) c = table[(c ^ static_cast<std::uint8_t>(ch)) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

void put16(std::string& out, std::uint32_t v) {
    out.push_back(static_cast<char>(v & 0xFF));
    out.push_back(static_cast<char>((v >> 8) & 0xFF));
}
void put32(std::string& out, std::uint32_t v) {
    put16(out, v & 0xFFFF);
    put16(out, v >> 16);
}

// A zip of stored (uncompressed) parts.
std::string stored_zip(const std::vector<std::pair<std::string, std::string_view>>& parts) {
    std::string out, central;
    for (const auto& [name, data] : parts) {
        const auto offset = static_cast<std::uint32_t>(out.size());
        const std::uint32_t crc = crc32(data);
        const auto size = static_cast<std::uint32_t>(data.size());
        put32(out, 0x04034b50u);
        put16(out, 20);
        put16(out, 0);
        put16(out, 0);  // stored
        put32(out, 0);  // time, date
        put32(out, crc);
        put32(out, size);
        put32(out, size);
        put16(out, static_cast<std::uint32_t>(name.size()));
        put16(out, 0);
        out += name;
        out.append(data);
        put32(central, 0x02014b50u);
        put16(central, 20);
        put16(central, 20);
        put16(central, 0);
        put16(central, 0);
        put32(central, 0);
        put32(central, crc);
        put32(central, size);
        put32(central, size);
        put16(central, static_cast<std::uint32_t>(name.size()));
        put32(central, 0);  // extra and comment lengths
        put32(central, 0);  // disk, internal attributes
        put32(central, 0);  // external attributes
        put32(central, offset);
        central += name;
    }
    const auto central_offset = static_cast<std::uint32_t>(out.size());
    out += central;
    put32(out, 0x06054b50u);
    put32(out, 0);
    put16(out, static_cast<std::uint32_t>(parts.size()));
    put16(out, static_cast<std::uint32_t>(parts.size()));
    put32(out, static_cast<std::uint32_t>(central.size()));
    put32(out, central_offset);
    put16(out, 0);
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
    std::string zipped;
    std::string_view file = rest;
    if (data[0] & 1) {
        static constexpr std::array<const char*, 5> k_names = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                                                               "xl/styles.xml", "xl/sharedStrings.xml",
                                                               "xl/worksheets/sheet1.xml"};
        std::vector<std::pair<std::string, std::string_view>> parts;
        std::size_t start = 0;
        for (std::size_t k = 0; k < k_names.size() && start <= rest.size(); ++k) {
            const std::size_t at = rest.find("\n#part\n", start);
            const std::size_t end = at == std::string_view::npos ? rest.size() : at;
            parts.emplace_back(k_names[k], rest.substr(start, end - start));
            start = at == std::string_view::npos ? rest.size() + 1 : at + 7;
        }
        zipped = stored_zip(parts);
        file = zipped;
    }
    engine::Case c = fuzz::small_case("xlsx");
    formats::detail::SheetMapping mapping;
    mapping.agency = "Southvale Police";
    if (data[0] & 2) mapping.sheet = "Chronology";
    formats::XlsxLimits limits;
    limits.max_part_bytes = 8u << 20;    // bytes
    limits.max_total_bytes = 16u << 20;  // bytes
    formats::detail::read_xlsx(c, static_cast<engine::SourceId>(0), c.sources[0].opened, file, std::move(mapping),
                               limits);
    fuzz::check_accounting(c);
    return 0;
}
