// CSV and TSV sources (case-format §6): decoding, tokenizing, then the shared sheet reader.
#include <cstring>

#include "byte_scan.hpp"
#include "csv_tokenizer.hpp"
#include "readers.hpp"
#include "text_encoding.hpp"

namespace sightline::formats::detail {

using namespace sightline::engine;

namespace {

// Rows of a CSV file for the sheet reader.
class CsvRows final : public SheetSource {
public:
    CsvRows(char* text, std::size_t size, char delimiter) : m_tokens(text, size, delimiter) {}
    bool next(SheetRow& row, bool scan_only) override { return m_tokens.next(row, !scan_only); }
    void mark() override { m_tokens.mark(); }
    void rewind() override { m_tokens.rewind(); }
    [[nodiscard]] Places places() const override { return Places::Lines; }
    [[nodiscard]] bool fixed_width() const override { return true; }

private:
    CsvTokenizer m_tokens;
};

// The delimiter of a .csv file: a comma, unless the first line that is not a comment has no
// comma but has semicolons (as exported in much of Europe) or tabs.
char sniff_delimiter(std::string_view text) {
    std::size_t start = 0;
    while (start < text.size() && text[start] == '#') {
        const std::size_t nl = text.find('\n', start);
        if (nl == std::string_view::npos) return ',';
        start = nl + 1;
    }
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(start, end - start);
    if (line.find(',') != std::string_view::npos) return ',';
    if (line.find(';') != std::string_view::npos) return ';';
    if (line.find('\t') != std::string_view::npos) return '\t';
    return ',';
}

}  // namespace

std::size_t record_bound(std::string_view text) {
    // Every record but the last ends with \n, \r\n or a lone \r: one more than the line ends,
    // unless the text ends with one.
    const char* const s = text.data();
    const char* const end = s + text.size();
    std::size_t n = 1 + byte_scan::count_line_ends(s, end);
    // A line end at the very end starts no record.
    if (s != end && (end[-1] == '\n' || end[-1] == '\r')) --n;
    return n;
}

void read_csv(Case& c, SourceId source, const std::string& file, FileBuffer bytes, SheetMapping mapping, bool tab) {
    read_csv_text(c, source, file, decode_text(std::move(bytes)), std::move(mapping), tab);
}

void read_csv_text(Case& c, SourceId source, const std::string& file, DecodedText text, SheetMapping mapping, bool tab,
                   OnThread* on_thread) {
    if (text.encoding == TextEncoding::Windows1252)
        c.diagnostics.add(Severity::Warning, file, text.first_bad_line, 0, "encoding-windows-1252",
                          "file is not utf-8, so it was read as windows-1252 (as Excel saves csv); check line " +
                              std::to_string(text.first_bad_line) + " reads right: '" + text.first_bad_excerpt + "'");
    const std::size_t size = text.text().size();
    char* const data = text.data();
    const char delimiter = mapping.delimiter ? mapping.delimiter : (tab ? '\t' : sniff_delimiter(text.text()));
    CsvRows rows(data, size, delimiter);
    // The chronology keeps the file's text: cells are views into it, unescaped in place.
    c.chronology.text.adopt(std::move(text.buffer.data), text.buffer.size);
    read_sheet(c, source, file, rows, std::move(mapping), std::string_view(data, size), on_thread);
}

}  // namespace sightline::formats::detail
