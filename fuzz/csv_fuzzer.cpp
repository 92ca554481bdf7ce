// Fuzzes the CSV/TSV reader: decoding (UTF-8, UTF-16, Windows-1252), tokenizing, header
// recognition, the day/month decision per column and every row through the EntryBuilder. The
// first byte picks the options (delimiter, date order, a fixed agency or an agency column); the
// rest is the file. Rows read = entries made + rows rejected must hold for any input.
#include <cstdint>
#include <cstring>

#include "fuzz_case.hpp"
#include "readers.hpp"

using namespace sightline;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::uint8_t mode = data[0];
    engine::Case c = fuzz::small_case((mode & 1) ? "tsv" : "csv");
    formats::FileBuffer bytes;
    bytes.size = size - 1;
    bytes.data = std::make_unique<char[]>(bytes.size + 1);
    std::memcpy(bytes.data.get(), data + 1, bytes.size);
    formats::detail::SheetMapping mapping;
    if (mode & 2) mapping.agency = "Southvale Police";
    if (mode & 4) mapping.kind = "police";
    if (mode & 8) mapping.area = "Eastmere";
    switch ((mode >> 4) & 3) {
        case 1: mapping.date_order = engine::DateOrder::Dmy; break;
        case 2: mapping.date_order = engine::DateOrder::Mdy; break;
        case 3: mapping.date_order = engine::DateOrder::Ymd; break;
        default: break;
    }
    if (mode & 64) c.info.date_order = engine::DateOrder::Dmy;
    formats::detail::read_csv(c, static_cast<engine::SourceId>(0), c.sources[0].opened, std::move(bytes),
                              std::move(mapping), (mode & 1) != 0);
    fuzz::check_accounting(c);
    return 0;
}
