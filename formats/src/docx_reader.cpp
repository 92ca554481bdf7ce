// DOCX sources: the chronology tables of a Word document (WordprocessingML, ECMA-376 Part 1
// §17), read with libzip and pugixml (ooxml.hpp), then the shared sheet reader.
//
// Agencies fill in a partnership's Word template: a title, often a small table of the child's
// details, then the chronology table, which Word may split into several tables and whose header
// row it repeats on every page. Every row of a chronology table becomes an entry, an undated
// entry or a located rejection; rows are placed as "table 2, row 14" (Word's own counting).
//
// [SECTION] Text of a cell
// [SECTION] Tables as grids
// [SECTION] Which tables are chronologies
// [SECTION] Rows for the sheet reader
// [SECTION] read_docx
#include <algorithm>
#include <charconv>

#include "ooxml.hpp"
#include "readers.hpp"

namespace sightline::formats::detail {

using namespace sightline::engine;

namespace {

// [SECTION] Text of a cell

// Elements whose content is never text a reader sees: properties, deleted text, field codes,
// drawings (a text box's words would come twice: its Choice and its Fallback).
bool skipped_element(std::string_view name) {
    static constexpr std::string_view k_skipped[] = {"rPr",
                                                     "pPr",
                                                     "tcPr",
                                                     "trPr",
                                                     "tblPr",
                                                     "tblGrid",
                                                     "sdtPr",
                                                     "sdtEndPr",
                                                     "del",
                                                     "moveFrom",
                                                     "delText",
                                                     "instrText",
                                                     "delInstrText",
                                                     "fldChar",
                                                     "drawing",
                                                     "pict",
                                                     "object",
                                                     "AlternateContent",
                                                     "commentReference",
                                                     "footnoteReference",
                                                     "endnoteReference",
                                                     "bookmarkStart",
                                                     "bookmarkEnd",
                                                     "proofErr",
                                                     "lastRenderedPageBreak"};
    return std::find(std::begin(k_skipped), std::end(k_skipped), name) != std::end(k_skipped);
}

// A content control showing its placeholder ("Click or tap here to enter text."): nothing was written.
bool showing_placeholder(const pugi::xml_node& sdt) {
    const pugi::xml_node pr = child(sdt, "sdtPr");
    return pr && child(pr, "showingPlcHdr");
}

// Visits the elements under root in document order; f(element) says whether to go inside it.
// Without recursion: a damaged or hostile document may nest elements (tables in cells, runs in
// runs) a million deep, which would exhaust the stack.
template <class F>
void walk(const pugi::xml_node& root, F&& f) {
    pugi::xml_node n = root.first_child();
    while (n) {
        if (n.type() == pugi::node_element && f(n) && n.first_child()) {
            n = n.first_child();
            continue;
        }
        while (!n.next_sibling()) {
            n = n.parent();
            if (n == root) return;
        }
        n = n.next_sibling();
    }
}

// Appends the text of a paragraph's runs: insertions kept (tracked changes), deletions dropped,
// hyperlinks and fields as the text they show.
void append_inline(const pugi::xml_node& p, std::string& out) {
    walk(p, [&](const pugi::xml_node& c) {
        const std::string_view name = local(c);
        if (skipped_element(name)) return false;
        if (name == "t")
            out += c.text().get();
        else if (name == "tab" || name == "ptab")
            out += ' ';
        else if (name == "br" || name == "cr")
            out += '\n';
        else if (name == "noBreakHyphen")
            out += '-';
        else if (name == "softHyphen" || name == "sym")
            return false;
        else if (name == "sdt")
            return !showing_placeholder(c);  // into its sdtContent (sdtPr is skipped)
        else
            return true;  // r, ins, moveTo, hyperlink, fldSimple, smartTag, customXml, ...
        return false;
    });
}

// The paragraphs of a block (a cell, a content control, a nested table), each as one line.
void append_paragraphs(const pugi::xml_node& block, std::vector<std::string>& lines) {
    walk(block, [&](const pugi::xml_node& c) {
        const std::string_view name = local(c);
        if (skipped_element(name)) return false;
        if (name == "p") {
            std::string line;
            append_inline(c, line);
            lines.push_back(std::move(line));
            return false;
        }
        if (name == "sdt") return !showing_placeholder(c);
        return true;  // a nested table's rows and cells, customXml, ...
    });
}

// A cell's text: its paragraphs joined with line breaks, blank ones left out, spaces trimmed.
std::string cell_text(const pugi::xml_node& tc) {
    std::vector<std::string> lines;
    append_paragraphs(tc, lines);
    std::string out;
    for (const std::string& l : lines) {
        const std::string_view t = trim(l);
        if (t.empty()) continue;
        if (!out.empty()) out += '\n';
        out += t;
    }
    return out;
}

// [SECTION] Tables as grids

// A cell written in a row: its text, at the grid column where it starts.
struct DocxCell {
    std::uint32_t column = 0;  // 0-based
    std::string text;
};

// A row of a table. The columns a merged cell spans, and those a row leaves out (gridBefore),
// hold nothing and cost nothing: a row whose one cell spans 16,000 columns is one string, not
// 16,000 (a hostile document of such rows would otherwise need gigabytes).
struct DocxRow {
    std::vector<DocxCell> cells;  // in column order
    std::uint32_t width = 0;      // grid columns the row covers

    // The text at a grid column: "" where no cell starts.
    [[nodiscard]] std::string_view at(std::uint32_t column) const {
        const auto it = std::lower_bound(cells.begin(), cells.end(), column,
                                         [](const DocxCell& c, std::uint32_t col) { return c.column < col; });
        return it != cells.end() && it->column == column ? std::string_view(it->text) : std::string_view();
    }
};

// One table of the document, as a grid of cell texts.
struct DocxTable {
    std::uint32_t number = 0;  // 1-based, in document order, as Word counts
    std::vector<DocxRow> rows;
    std::vector<bool> header_rows;  // marked to repeat on each page (tblHeader)
    std::vector<bool> spanning;     // one cell across the whole grid (a heading)
    std::vector<bool> too_wide;     // more cells than a spreadsheet has
    std::uint32_t width = 0;        // grid columns
};

// The elements of a kind under n, looking through content controls and customXml wrappers
// (templates wrap rows and cells in them).
template <class F>
void for_each_wrapped(const pugi::xml_node& n, std::string_view name, F&& f) {
    walk(n, [&](const pugi::xml_node& c) {
        const std::string_view l = local(c);
        if (l == name)
            f(c);
        else if (l == "sdt" || l == "customXml")
            return true;
        else if (l == "sdtContent")
            return local(c.parent()) == "sdt";
        return false;
    });
}

unsigned int_value(const pugi::xml_node& n, unsigned fallback) {
    if (!n) return fallback;
    const std::string_view v = attribute(n, "val").value();
    unsigned out = 0;
    const auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    return ec == std::errc{} && p == v.data() + v.size() ? out : fallback;
}

DocxTable read_table(const pugi::xml_node& tbl, std::uint32_t number) {
    DocxTable t;
    t.number = number;
    for_each_wrapped(tbl, "tr", [&](const pugi::xml_node& tr) {
        DocxRow row;
        bool header = false, wide = false;
        std::size_t col = 0;
        if (const pugi::xml_node pr = child(tr, "trPr")) {
            header = static_cast<bool>(child(pr, "tblHeader")) &&
                     std::string_view(attribute(child(pr, "tblHeader"), "val").value()) != "0" &&
                     std::string_view(attribute(child(pr, "tblHeader"), "val").value()) != "false";
            col = std::min<std::size_t>(int_value(child(pr, "gridBefore"), 0), k_max_cells);
        }
        const DocxRow* above = t.rows.empty() ? nullptr : &t.rows.back();
        for_each_wrapped(tr, "tc", [&](const pugi::xml_node& tc) {
            const pugi::xml_node pr = child(tc, "tcPr");
            const unsigned span = std::max(1u, int_value(pr ? child(pr, "gridSpan") : pugi::xml_node{}, 1));
            const pugi::xml_node vmerge = pr ? child(pr, "vMerge") : pugi::xml_node{};
            const std::string_view merge =
                vmerge ? std::string_view(attribute(vmerge, "val").value()) : "restart";
            if (col >= k_max_cells) {
                wide = true;
                return;
            }
            // A cell continuing a vertical merge shows the text of the cell it continues.
            std::string text = merge == "restart" ? cell_text(tc)
                               : above            ? std::string(above->at(static_cast<std::uint32_t>(col)))
                                                  : std::string();
            row.cells.push_back({static_cast<std::uint32_t>(col), std::move(text)});
            const std::size_t more = std::min<std::size_t>(span - 1, k_max_cells - col - 1);
            if (more < span - 1) wide = true;
            col += 1 + more;
        });
        row.width = static_cast<std::uint32_t>(col);
        t.width = std::max(t.width, row.width);
        t.header_rows.push_back(header);
        t.spanning.push_back(row.cells.size() == 1);
        t.too_wide.push_back(wide);
        t.rows.push_back(std::move(row));
    });
    // A row of one cell spans the grid only if the grid has more than one column.
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        t.spanning[r] = t.spanning[r] && t.width > 1 && t.rows[r].width >= t.width;
    return t;
}

// The document's tables in order: those in the body and in block-level content controls, not
// those nested in cells (they are part of their cell's text).
void collect_tables(const pugi::xml_node& body, std::vector<DocxTable>& out) {
    for_each_wrapped(body, "tbl", [&](const pugi::xml_node& tbl) {
        out.push_back(read_table(tbl, static_cast<std::uint32_t>(out.size() + 1)));
    });
}

// [SECTION] Which tables are chronologies

bool blank_row(const DocxRow& row) {
    return std::all_of(row.cells.begin(), row.cells.end(),
                       [](const DocxCell& c) { return trim(c.text).empty(); });
}

// The header row of a table: the first row with two or more cells written, among the first few
// (rows above it are titles); nullopt when there is none.
std::optional<std::size_t> header_row(const DocxTable& t) {
    for (std::size_t r = 0; r < t.rows.size() && r < 4; ++r) {
        const auto& cells = t.rows[r].cells;
        const auto written = std::count_if(cells.begin(), cells.end(),
                                           [](const DocxCell& c) { return !trim(c.text).empty(); });
        if (written >= 2) return r;
    }
    return std::nullopt;
}

// Is this header a chronology's: a date column and a text column, by the mapping's names or the
// recognised headings?
bool chronology_header(const DocxRow& header, const SheetMapping& mapping) {
    const auto& mapped_dates = mapping.columns[static_cast<std::size_t>(SheetField::Date)];
    bool date = false, text = false;
    for (const DocxCell& c : header.cells) {
        const std::string& cell = c.text;
        if (trim(cell).empty()) continue;
        for (const ColumnName& m : mapped_dates) date |= header_key(m.header) == header_key(cell);
        const auto f = recognise_header(cell);
        date |= mapped_dates.empty() && f == SheetField::Date;
        text |= f == SheetField::Summary || recognise_text_header(cell);
        for (const ColumnName& m : mapping.columns[static_cast<std::size_t>(SheetField::Summary)])
            text |= header_key(m.header) == header_key(cell);
    }
    return date && text;
}

// The same header, whatever its case and punctuation (a header repeated on a later page): the
// same words in the same columns.
bool same_header(const DocxRow& a, const DocxRow& b) {
    auto words = [](const DocxRow& row) {
        std::vector<std::pair<std::uint32_t, std::string>> out;
        for (const DocxCell& c : row.cells)
            if (std::string key = header_key(c.text); !key.empty())
                out.emplace_back(c.column, std::move(key));
        return out;
    };
    return words(a) == words(b);
}

// How many rows have a cell that reads as a date (a table we cannot place may still be a chronology).
std::size_t dated_rows(const DocxTable& t, const DateParseOptions& o) {
    std::size_t n = 0;
    for (const DocxRow& row : t.rows)
        for (const DocxCell& cell : row.cells) {
            const std::string_view v = trim(cell.text);
            if (v.empty() || v.size() > 40) continue;
            if (parse_date(v, o).date) {
                ++n;
                break;
            }
        }
    return n;
}

// The first row's cells, quoted, for messages: "'Child's name', 'Riley'".
std::string first_cells(const DocxTable& t) {
    std::string out;
    std::size_t n = 0;
    for (const DocxCell& cell : t.rows.empty() ? std::vector<DocxCell>{} : t.rows.front().cells) {
        const std::string_view v = trim(cell.text);
        if (v.empty()) continue;
        if (++n > 4) {
            out += ", ...";
            break;
        }
        std::string shown(v.substr(0, 40));
        std::replace(shown.begin(), shown.end(), '\n', ' ');
        out += (out.empty() ? "'" : ", '") + shown + "'";
    }
    return out.empty() ? std::string("nothing") : out;
}

// What a details table says about the return: "Agency: Eastmere Police", "Agency kind: police",
// "Area: Eastmere" (as `sightline template` writes them), for a return that says it nowhere else.
struct Details {
    std::string agency, kind, area;
};

void read_details(const DocxTable& t, Details& out) {
    for (const DocxRow& row : t.rows) {
        const std::vector<DocxCell>& cells = row.cells;
        if (cells.size() < 2) continue;
        const std::string key = header_key(cells[0].text);
        std::string value;
        for (std::size_t j = 1; j < cells.size() && value.empty(); ++j)
            value = std::string(trim(cells[j].text));
        if (value.empty()) continue;
        if (key == "agency" || key == "agency name" || key == "name of agency" || key == "organisation" ||
            key == "agency completing this chronology" || key == "agency completing chronology") {
            if (out.agency.empty()) out.agency = value;
        } else if (key == "agency kind" || key == "kind of agency" || key == "agency type") {
            if (out.kind.empty()) out.kind = value;
        } else if (key == "area" || key == "local authority" || key == "borough") {
            if (out.area.empty()) out.area = value;
        }
    }
}

// [SECTION] Rows for the sheet reader

// One place in a group of tables read as one sheet.
struct RowRef {
    const DocxTable* table = nullptr;
    std::uint32_t row = 0;  // 0-based
    bool skip = false;      // a title above the header, a repeated header, a heading row
};

// The rows of one or more tables that share a header, in order.
class DocxRows final : public SheetSource {
public:
    explicit DocxRows(std::vector<RowRef> rows) : m_rows(std::move(rows)) {}

    bool next(SheetRow& row, bool) override {
        if (m_cursor >= m_rows.size()) return false;
        const RowRef& r = m_rows[m_cursor++];
        const DocxRow& cells = r.table->rows[r.row];
        row.line = r.row + 1;
        row.table = r.table->number;
        row.skip = r.skip;
        row.problem = r.table->too_wide[r.row] ? RowProblem::TooManyCells : RowProblem::None;
        row.problem_column = static_cast<std::uint32_t>(std::min<std::size_t>(cells.width, k_max_cells)) + 1;
        row.beyond.clear();
        // One row at a time in full (at most k_max_cells cells), spanned columns empty.
        row.cells.assign(cells.width, SheetCell{});
        for (const DocxCell& c : cells.cells) row.cells[c.column] = SheetCell{c.text, 0, CellKind::Text};
        return true;
    }
    void mark() override { m_mark = m_cursor; }
    void rewind() override { m_cursor = m_mark; }
    [[nodiscard]] Places places() const override { return Places::Columns; }
    [[nodiscard]] bool fixed_width() const override { return false; }

private:
    std::vector<RowRef> m_rows;
    std::size_t m_cursor = 0, m_mark = 0;
};

// A chronology's tables: the first with its header, then its continuations.
struct Group {
    DocxRow header;
    std::uint32_t width = 0;
    std::size_t date_column = 0;
    std::vector<RowRef> rows;
};

}  // namespace

// [SECTION] read_docx

void read_docx(Case& c, SourceId source, const std::string& file, std::string_view bytes,
               SheetMapping mapping, const XlsxLimits& limits) {
    std::optional<PackageFailure> failure;
    auto fail = [&](const PackageFailure& f) {
        c.diagnostics.add(Severity::Error, file, 0, 0, f.code,
                          "cannot read '" + file + "' as a Word document: " + f.message);
    };
    auto note = [&](Severity s, std::uint32_t table, std::uint32_t row, std::string code,
                    std::string message) {
        c.diagnostics.add(diagnostic_at(s, file, {row, 0, table}, std::move(code), std::move(message)));
    };
    ZipParts zip(bytes, limits, "docx", "document");
    if (!zip.ok()) {
        fail({"docx-invalid", "not a docx file (" + zip.open_error() + ")"});
        return;
    }
    // The main part, named by the package's relationships (word/document.xml as Word writes it).
    std::string part = "word/document.xml";
    if (zip.has("_rels/.rels")) {
        std::optional<std::string> rels_text = zip.read("_rels/.rels", failure);
        if (!rels_text) return fail(*failure);
        std::optional<pugi::xml_document> rels = zip.parse(*rels_text, "_rels/.rels", failure);
        if (!rels) return fail(*failure);
        const std::string main = relationship_of_type(*rels, "/officeDocument", "");
        if (!main.empty()) part = main;
    }
    std::optional<std::string> text = zip.read(part, failure);
    if (!text) return fail(*failure);
    std::optional<pugi::xml_document> doc = zip.parse(*text, part, failure);
    if (!doc) return fail(*failure);
    const pugi::xml_node body = child(doc->document_element(), "body");
    std::vector<DocxTable> tables;
    if (body) collect_tables(body, tables);
    if (tables.empty()) {
        c.diagnostics.add(
            Severity::Error, file, 0, 0, "docx-no-table",
            "no table in '" + file +
                "': a return's chronology is read from a table with a date "
                "column and a details column (sightline template --agency NAME -o return.docx makes one)");
        return;
    }

    // Which tables are chronologies, and which continue the one before.
    DateParseOptions dates;
    dates.spreadsheet_forms = true;
    dates.order = mapping.date_order.value_or(DateOrder::Dmy);
    std::vector<Group> groups;
    Details details;
    for (const DocxTable& t : tables) {
        const std::optional<std::size_t> h = header_row(t);
        const bool chronology = h && chronology_header(t.rows[*h], mapping);
        Group* last = groups.empty() ? nullptr : &groups.back();
        if (chronology && last && same_header(t.rows[*h], last->header)) {
            // The same chronology, split by Word or by the writer: its header is not a row.
            for (std::uint32_t r = 0; r < t.rows.size(); ++r) last->rows.push_back({&t, r, r <= *h});
            continue;
        }
        if (chronology) {
            Group g;
            g.header = t.rows[*h];
            g.width = t.width;
            for (std::uint32_t r = 0; r < t.rows.size(); ++r) g.rows.push_back({&t, r, r < *h});
            groups.push_back(std::move(g));
            continue;
        }
        // A table with no header of its own, as wide as the chronology before it: its rest.
        if (last && t.width == last->width && dated_rows(t, dates) > 0) {
            for (std::uint32_t r = 0; r < t.rows.size(); ++r) last->rows.push_back({&t, r, false});
            note(Severity::Note, t.number, 0, "table-continues",
                 "table " + std::to_string(t.number) +
                     " has no header row; its rows are read as the rest of table " +
                     std::to_string(last->rows.front().table->number) + " (the same " +
                     std::to_string(t.width) + " columns)");
            continue;
        }
        read_details(t, details);
        if (dated_rows(t, dates) >= 2)
            note(Severity::Warning, t.number, 0, "table-unread",
                 "table " + std::to_string(t.number) +
                     " has dated rows but no header with a date and a details column (" + first_cells(t) +
                     "); it is not read: give its headings in a mapping (columns: date:, summary:)");
        else
            note(Severity::Note, t.number, 0, "table-skipped",
                 "table " + std::to_string(t.number) + " is not a chronology (it starts " + first_cells(t) +
                     "); skipped");
    }
    if (groups.empty()) {
        c.diagnostics.add(Severity::Error, file, 0, 0, "chronology-missing",
                          "no chronology table in '" + file + "': none of its " +
                              std::to_string(tables.size()) +
                              (tables.size() == 1 ? " table has" : " tables has") +
                              " a header row with a date column and a details column (Date, Details)");
        return;
    }
    // The details table counts least: the manifest and the mapping say more.
    if (mapping.agency.empty()) mapping.agency = details.agency;
    if (mapping.kind.empty() && !details.kind.empty() && parse_agency_kind(details.kind)) {
        mapping.kind = details.kind;
        mapping.kind_file = file;
    }
    if (mapping.area.empty()) mapping.area = details.area;
    for (Group& g : groups) {
        // Inside a chronology: a header repeated (on each page, or pasted), and rows of one cell
        // across the table ("2016", "Transferred to Eastmere"), which are headings, said so.
        bool header_seen = false;
        for (RowRef& r : g.rows) {
            const DocxRow& row = r.table->rows[r.row];
            if (r.skip) {
                if (same_header(row, g.header)) header_seen = true;
                continue;
            }
            if (!header_seen) {
                header_seen = true;  // the header itself
                continue;
            }
            if (same_header(row, g.header) || (r.table->header_rows[r.row] && r.row == 0)) {
                r.skip = true;
            } else if (r.table->spanning[r.row] && !blank_row(row)) {
                r.skip = true;
                std::string shown(trim(row.cells.front().text).substr(0, 60));
                std::replace(shown.begin(), shown.end(), '\n', ' ');
                note(Severity::Note, r.table->number, r.row + 1, "row-heading",
                     "row " + std::to_string(r.row + 1) + " is one cell across the table ('" + shown +
                         "'); read as a heading, not an entry");
            }
        }
        DocxRows rows(std::move(g.rows));
        read_sheet(c, source, file, rows, mapping);
    }
}

}  // namespace sightline::formats::detail
