// Fuzzes the CSV/TSV reader: decoding (UTF-8, UTF-16, Windows-1252), tokenizing, header
// recognition, the day/month decision per column and every row through the EntryBuilder. The
// first byte picks the options (delimiter, date order, a fixed agency or an agency column); the
// rest is the file. Rows read = entries made + rows rejected must hold for any input.
//
// With the top bit of the first byte, the file is also read as sources read on several threads
// are: into slots counted from its records (never too few), each date column decided by its first
// decisive date, read again with the whole scan when a later date contradicts it. That must give
// exactly what reading it on its own gives.
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <vector>

#include "entry_builder.hpp"
#include "fuzz_case.hpp"
#include "readers.hpp"
#include "sightline/formats/diagnostic_printer.hpp"
#include "text_encoding.hpp"

using namespace sightline;

namespace {

formats::detail::SheetMapping mapping_for(std::uint8_t mode) {
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
    return mapping;
}

engine::Case case_for(std::uint8_t mode) {
    engine::Case c = fuzz::small_case((mode & 1) ? "tsv" : "csv");
    if (mode & 64) c.info.date_order = engine::DateOrder::Dmy;
    return c;
}

formats::FileBuffer bytes_of(const std::uint8_t* data, std::size_t size) {
    formats::FileBuffer bytes;
    bytes.size = size - 1;
    bytes.data = std::make_unique<char[]>(bytes.size + 1);
    std::memcpy(bytes.data.get(), data + 1, bytes.size);
    bytes.data[bytes.size] = '\0';
    return bytes;
}

// What a reader said, in order, and what it made.
std::vector<std::string> outcome(const engine::Case& c, std::span<const engine::Entry> entries) {
    std::vector<std::string> out;
    for (const engine::Diagnostic& d : c.diagnostics.items()) out.push_back(formats::format_diagnostic(d));
    for (const engine::Entry& e : entries)
        out.push_back(std::to_string(e.where.line) + " " + engine::format_date(e.date) + " " + std::string(e.summary));
    const engine::SourceCounts& n = c.sources[0].counts;
    out.push_back(std::to_string(n.rows_read) + " " + std::to_string(n.entries_made) + " " + std::to_string(n.rows_rejected));
    return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::uint8_t mode = data[0];
    const bool tab = (mode & 1) != 0;
    engine::Case c = case_for(mode);
    formats::detail::read_csv(c, static_cast<engine::SourceId>(0), c.sources[0].opened, bytes_of(data, size),
                              mapping_for(mode), tab);
    fuzz::check_accounting(c);
    if (!(mode & 128)) return 0;

    engine::Case slotted = case_for(mode);
    formats::detail::DecodedText text = formats::detail::decode_text(bytes_of(data, size));
    const std::size_t bound = formats::detail::record_bound(text.text()) - 1;
    std::vector<engine::Entry> slots(bound);
    formats::detail::OnThread out{slots.data(), slots.data() + bound, nullptr, true};
    formats::detail::read_csv_text(slotted, static_cast<engine::SourceId>(0), slotted.sources[0].opened,
                                   std::move(text), mapping_for(mode), tab, &out);
    if (out.dates_contradicted) {
        slotted = case_for(mode);
        out = {slots.data(), slots.data() + bound, nullptr, false};
        formats::detail::read_csv_text(slotted, static_cast<engine::SourceId>(0), slotted.sources[0].opened,
                                       formats::detail::decode_text(bytes_of(data, size)), mapping_for(mode), tab, &out);
    }
    if (!slotted.chronology.entries.empty()) __builtin_trap();  // an entry past the slots: too few counted
    slots.resize(static_cast<std::size_t>(out.next - slots.data()));
    if (outcome(slotted, slots) != outcome(c, c.chronology.entries)) __builtin_trap();
    return 0;
}
