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
#include "stored_zip.hpp"

using namespace sightline;

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
        zipped = fuzz::stored_zip(parts);
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
