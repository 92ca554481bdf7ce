// Fuzzes the DOCX reader: which tables are chronologies, merged cells (gridSpan, vMerge), header
// rows repeated on each page, headings across a table, tracked changes, fields, content controls,
// tables Word split, then the shared sheet reader. The first byte picks the mode:
//   bit 0 clear: the rest is the file itself (the zip container, with small expansion limits);
//   bit 0 set:   the rest is word/document.xml and, after a line "#part", _rels/.rels, zipped here
//                (stored, with correct checksums) so that mutations reach the XML rather than the
//                zip's CRCs; with bit 2 the document part is only the body's content, wrapped here
//                in <w:document><w:body>, so that short inputs are whole documents;
//   bit 1: the mapping gives the agency (else a details table's "Agency" must, or rows are rejected);
//   bits 3-4: the mapping's date order (none, dmy, mdy, ymd);
//   bit 5: the mapping names the columns ("When", "What happened") rather than the headers saying.
// Rows read = entries made + rows rejected must hold, every entry's slices must lie inside the
// side arrays, and every entry must be placed in a table's row.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "fuzz_case.hpp"
#include "readers.hpp"
#include "stored_zip.hpp"

using namespace sightline;

namespace {

constexpr std::string_view k_document_head =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
    "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>";
constexpr std::string_view k_document_tail = "</w:body></w:document>";

formats::detail::SheetMapping mapping_for(std::uint8_t mode) {
    formats::detail::SheetMapping mapping;
    if (mode & 2) mapping.agency = "Southvale Police";
    switch ((mode >> 3) & 3) {
        case 1: mapping.date_order = engine::DateOrder::Dmy; break;
        case 2: mapping.date_order = engine::DateOrder::Mdy; break;
        case 3: mapping.date_order = engine::DateOrder::Ymd; break;
        default: break;
    }
    if (mode & 32) {
        using formats::detail::SheetField;
        mapping.columns[static_cast<std::size_t>(SheetField::Date)].push_back({"When", {}});
        mapping.columns[static_cast<std::size_t>(SheetField::Summary)].push_back({"What happened", {}});
    }
    return mapping;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::uint8_t mode = data[0];
    const std::string_view rest(reinterpret_cast<const char*>(data + 1), size - 1);
    std::string zipped, document;
    std::string_view file = rest;
    if (mode & 1) {
        const std::size_t at = rest.find("\n#part\n");
        std::string_view body = rest.substr(0, at);
        if (mode & 4) {
            document.reserve(k_document_head.size() + body.size() + k_document_tail.size());
            document.append(k_document_head).append(body).append(k_document_tail);
            body = document;
        }
        std::vector<std::pair<std::string, std::string_view>> parts = {{"word/document.xml", body}};
        if (at != std::string_view::npos) parts.emplace_back("_rels/.rels", rest.substr(at + 7));
        zipped = fuzz::stored_zip(parts);
        file = zipped;
    }
    engine::Case c = fuzz::small_case("docx");
    formats::XlsxLimits limits;
    limits.max_part_bytes = 8u << 20;    // bytes
    limits.max_total_bytes = 16u << 20;  // bytes
    formats::detail::read_docx(c, static_cast<engine::SourceId>(0), c.sources[0].opened, file, mapping_for(mode),
                               limits);
    fuzz::check_accounting(c);
    for (const engine::Entry& e : c.chronology.entries)
        if (e.where.table == 0 || e.where.line == 0) __builtin_trap();
    return 0;
}
