// `sightline themes -o themes.xlsx`: the cross-case figures on "Summary", then one sheet per theme
// with one row per case (frozen header, filters), through libxlsxwriter, written atomically.
//
// [SECTION] Workbook
// [SECTION] Sheets
#include <xlsxwriter.h>

#include <string>
#include <vector>

#include "sightline/engine/vocabulary.hpp"
#include "sightline/formats/io.hpp"
#include "sightline/formats/themes_report.hpp"
#include "xlsx_formats.hpp"

namespace sightline::formats {

using namespace sightline::engine;
using namespace themes_words;

namespace {

// [SECTION] Workbook

// A column: its heading and width (characters).
struct Column {
    std::string heading;
    double width = 12;
};

// A workbook being written to a temporary file; every failure throws file-unwritable for path.
class Book {
public:
    Book(std::string path, const std::string& temp) : m_path(std::move(path)) {
        m_book = workbook_new(temp.c_str());
        if (!m_book) fail_unwritable(m_path, "libxlsxwriter could not start a workbook");
        m_header = detail::add_header_format(m_book);
        m_title = workbook_add_format(m_book);
        format_set_bold(m_title);
        format_set_font_size(m_title, 13);
        m_wrap = workbook_add_format(m_book);
        format_set_text_wrap(m_wrap);
        format_set_align(m_wrap, LXW_ALIGN_VERTICAL_TOP);
        m_day = workbook_add_format(m_book);
        format_set_num_format(m_day, "yyyy-mm-dd");
        format_set_align(m_day, LXW_ALIGN_VERTICAL_TOP);
        m_top = workbook_add_format(m_book);
        format_set_align(m_top, LXW_ALIGN_VERTICAL_TOP);
    }
    ~Book() {
        if (m_book) workbook_close(m_book);  // only after a failure: frees the workbook
    }
    Book(const Book&) = delete;
    Book& operator=(const Book&) = delete;

    // Starts a sheet of one row per case: its headings in row 0, frozen, with filters once
    // finish_table() knows the last row.
    void table(const std::string& name, const std::vector<Column>& columns) {
        start(name);
        for (std::size_t c = 0; c < columns.size(); ++c) {
            worksheet_set_column(m_sheet, col(c), col(c), columns[c].width, nullptr);
            text(0, c, columns[c].heading, m_header);
        }
        worksheet_freeze_panes(m_sheet, 1, 0);
        m_columns = columns.size();
    }
    void finish_table(std::size_t rows) {
        if (rows) worksheet_autofilter(m_sheet, 0, 0, static_cast<lxw_row_t>(rows), col(m_columns - 1));
    }
    // Starts a free sheet (the summary) with these column widths.
    void sheet(const std::string& name, const std::vector<double>& widths) {
        start(name);
        for (std::size_t c = 0; c < widths.size(); ++c)
            worksheet_set_column(m_sheet, col(c), col(c), widths[c], nullptr);
    }

    void text(std::size_t row, std::size_t c, const std::string& s, lxw_format* f = nullptr) {
        check(worksheet_write_string(m_sheet, static_cast<lxw_row_t>(row), col(c), s.c_str(), f ? f : m_top));
    }
    void wrapped(std::size_t row, std::size_t c, const std::string& s) { text(row, c, s, m_wrap); }
    void heading(std::size_t row, std::size_t c, const std::string& s) { text(row, c, s, m_header); }
    void title(std::size_t row, const std::string& s) { text(row, 0, s, m_title); }
    void number(std::size_t row, std::size_t c, double v) {
        check(worksheet_write_number(m_sheet, static_cast<lxw_row_t>(row), col(c), v, m_top));
    }
    // A day (days since 1970-01-01) as an Excel date.
    void day(std::size_t row, std::size_t c, std::int32_t d) {
        check(worksheet_write_number(m_sheet, static_cast<lxw_row_t>(row), col(c), d + 25569.0, m_day));
    }
    // A statistic, or "-" when there are no values.
    void statistic(std::size_t row, std::size_t c, bool any, double v) {
        if (any)
            number(row, c, v);
        else
            text(row, c, "-");
    }

    void close() {
        const lxw_error err = workbook_close(m_book);
        m_book = nullptr;
        if (err != LXW_NO_ERROR) fail_unwritable(m_path, lxw_strerror(err));
    }

private:
    static lxw_col_t col(std::size_t c) { return static_cast<lxw_col_t>(c); }
    void start(const std::string& name) {
        m_sheet = workbook_add_worksheet(m_book, name.c_str());
        if (!m_sheet) fail_unwritable(m_path, "libxlsxwriter could not add the worksheet '" + name + "'");
    }
    void check(lxw_error err) const {
        if (err != LXW_NO_ERROR) fail_unwritable(m_path, lxw_strerror(err));
    }

    std::string m_path;
    lxw_workbook* m_book = nullptr;
    lxw_worksheet* m_sheet = nullptr;
    lxw_format* m_header = nullptr;
    lxw_format* m_title = nullptr;
    lxw_format* m_wrap = nullptr;
    lxw_format* m_day = nullptr;
    lxw_format* m_top = nullptr;
    std::size_t m_columns = 0;
};

// [SECTION] Sheets

// The cross-case figures, one table under another.
void summary_sheet(Book& b, const Themes& t) {
    b.sheet("Summary", {28, 12, 14, 12, 12, 12, 14, 12, 12});
    std::size_t row = 0;
    b.title(row++, "Themes across " + std::to_string(t.cases.size()) + " cases (" +
                       std::to_string(t.failed.size()) + " could not be read)");
    ++row;
    b.heading(row, 0, "Finding kind");
    b.heading(row, 1, "Cases");
    b.heading(row, 2, "Cases of concern");
    b.heading(row, 3, "Findings");
    b.heading(row++, 4, "Of concern");
    for (std::size_t k = 0; k < t.kinds.size(); ++k) {
        const KindTally& n = t.kinds[k];
        b.text(row, 0, kind_label(static_cast<FindingKind>(k)));
        b.number(row, 1, static_cast<double>(n.cases));
        b.number(row, 2, static_cast<double>(n.cases_concern));
        b.number(row, 3, static_cast<double>(n.findings));
        b.number(row++, 4, static_cast<double>(n.concern));
    }
    ++row;
    b.title(row++, "Longest period unseen by any professional, per child (days)");
    const char* unseen_headings[] = {
        "Age band",       "Children", "Unseen past the threshold", "Min", "Lower quartile", "Median",
        "Upper quartile", "Max"};
    for (std::size_t c = 0; c < std::size(unseen_headings); ++c) b.heading(row, c, unseen_headings[c]);
    ++row;
    for (std::size_t band = 0; band < k_age_band_count; ++band) {
        const UnseenBand& u = t.unseen[band];
        const Distribution& d = u.longest;
        b.text(row, 0, std::string(label(static_cast<AgeBand>(band))));
        b.number(row, 1, static_cast<double>(u.children));
        b.number(row, 2, static_cast<double>(d.count));
        std::size_t c = 3;
        for (const double v : {d.min, d.q1, d.median, d.q3, d.max}) b.statistic(row, c++, d.count > 0, v);
        ++row;
    }
    ++row;
    b.title(row++, "Transfers at moves, by agency kind");
    const char* transfer_headings[] = {"Agency kind", "OK",      "Late",
                                       "Missed",      "Unknown", "Median days to first contact"};
    for (std::size_t c = 0; c < std::size(transfer_headings); ++c) b.heading(row, c, transfer_headings[c]);
    ++row;
    for (std::size_t k = 0; k < t.transfers.size(); ++k) {
        const TransferTally& n = t.transfers[k];
        if (!n.total()) continue;
        b.text(row, 0, std::string(label(static_cast<AgencyKind>(k))));
        for (std::size_t s = 0; s < n.by_status.size(); ++s)
            b.number(row, 1 + s, static_cast<double>(n.by_status[s]));
        b.statistic(row++, 5, n.first_contact_days.count > 0, n.first_contact_days.median);
    }
    ++row;
    b.title(row++, "Contacts that do not record whether the child was seen, by agency kind");
    b.heading(row, 0, "Agency kind");
    b.heading(row, 1, "Contacts");
    b.heading(row, 2, "Not recorded");
    b.heading(row++, 3, "Percent");
    for (std::size_t k = 0; k < t.recording.size(); ++k) {
        const RecordingTally& r = t.recording[k];
        if (!r.contacts) continue;
        b.text(row, 0, std::string(label(static_cast<AgencyKind>(k))));
        b.number(row, 1, static_cast<double>(r.contacts));
        b.number(row, 2, static_cast<double>(r.not_recorded));
        b.number(row++, 3, static_cast<double>(percent_of(r.not_recorded, r.contacts)));
    }
}

void cases_sheet(Book& b, const Themes& t) {
    b.table("Cases", {{"Case", 30},
                      {"Title", 24},
                      {"Entries", 9},
                      {"Undated", 9},
                      {"From", 11},
                      {"To", 11},
                      {"Findings", 9},
                      {"Of concern", 10}});
    std::size_t row = 1;
    for (const CaseThemes& c : t.cases) {
        b.text(row, 0, c.folder);
        b.text(row, 1, c.title);
        b.number(row, 2, static_cast<double>(c.entries));
        b.number(row, 3, static_cast<double>(c.undated));
        if (c.first_day) b.day(row, 4, *c.first_day);
        if (c.last_day) b.day(row, 5, *c.last_day);
        b.number(row, 6, static_cast<double>(c.findings()));
        b.number(row++, 7, static_cast<double>(c.of_concern()));
    }
    b.finish_table(t.cases.size());
}

void kinds_sheet(Book& b, const Themes& t) {
    std::vector<Column> columns = {{"Case", 30}};
    for (std::size_t k = 0; k < t.kinds.size(); ++k)
        columns.push_back({kind_label(static_cast<FindingKind>(k)), 11});
    b.table("Finding kinds", columns);
    std::size_t row = 1;
    for (const CaseThemes& c : t.cases) {
        b.text(row, 0, c.folder);
        for (std::size_t k = 0; k < c.counts.size(); ++k)
            b.number(row, 1 + k, static_cast<double>(c.counts[k]));
        ++row;
    }
    b.finish_table(t.cases.size());
}

void unseen_sheet(Book& b, const Themes& t) {
    std::vector<Column> columns = {
        {"Case", 30}, {"Children", 9}, {"Unseen past the threshold", 12}, {"Longest (days)", 10}};
    for (std::size_t band = 0; band < k_age_band_count; ++band)
        columns.push_back({"Longest, " + std::string(label(static_cast<AgeBand>(band))), 11});
    b.table("Children unseen", columns);
    std::size_t row = 1;
    for (const CaseThemes& c : t.cases) {
        b.text(row, 0, c.folder);
        b.number(row, 1, static_cast<double>(c.children.size()));
        std::int64_t unseen = 0;
        std::optional<std::int64_t> longest;
        std::array<std::optional<std::int64_t>, k_age_band_count> by_band{};
        for (const ChildUnseen& ch : c.children) {
            if (!ch.longest_days) continue;
            ++unseen;
            longest = std::max(longest.value_or(0), *ch.longest_days);
            auto& band = by_band[static_cast<std::size_t>(ch.band)];
            band = std::max(band.value_or(0), *ch.longest_days);
        }
        b.number(row, 2, static_cast<double>(unseen));
        if (longest) b.number(row, 3, static_cast<double>(*longest));
        for (std::size_t band = 0; band < k_age_band_count; ++band)
            if (by_band[band]) b.number(row, 4 + band, static_cast<double>(*by_band[band]));
        ++row;
    }
    b.finish_table(t.cases.size());
}

void transfers_sheet(Book& b, const Themes& t) {
    b.table("Transfers", {{"Case", 30},
                          {"Transfers", 10},
                          {"OK", 7},
                          {"Late", 7},
                          {"Missed", 8},
                          {"Unknown", 9},
                          {"Median days to first contact", 12},
                          {"Each transfer", 60}});
    std::size_t row = 1;
    for (const CaseThemes& c : t.cases) {
        b.text(row, 0, c.folder);
        b.number(row, 1, static_cast<double>(c.transfers.size()));
        std::array<std::int64_t, 4> by_status{};
        std::vector<std::int64_t> days;
        std::string each;
        for (const TransferOutcome& o : c.transfers) {
            ++by_status[static_cast<std::size_t>(o.status)];
            if (o.first_contact_days) days.push_back(*o.first_contact_days);
            each += (each.empty() ? "" : "; ") + std::string(label(o.agency_kind)) + ": " +
                    std::string(to_string(o.status));
            if (o.first_contact_days) each += " (" + std::to_string(*o.first_contact_days) + " days)";
        }
        for (std::size_t s = 0; s < by_status.size(); ++s)
            b.number(row, 2 + s, static_cast<double>(by_status[s]));
        const Distribution d = distribution(std::move(days));
        if (d.count) b.number(row, 6, d.median);
        b.wrapped(row++, 7, each);
    }
    b.finish_table(t.cases.size());
}

void patterns_sheet(Book& b, const Themes& t) {
    std::vector<Column> columns = {{"Case", 30}};
    for (const FindingKind k : k_pattern_kinds) columns.push_back({kind_label(k), 11});
    columns.push_back({"What was found", 90});
    b.table("Patterns and people", columns);
    std::size_t row = 1;
    for (const CaseThemes& c : t.cases) {
        b.text(row, 0, c.folder);
        for (std::size_t i = 0; i < k_pattern_kinds.size(); ++i)
            b.number(row, 1 + i, static_cast<double>(c.counts[static_cast<std::size_t>(k_pattern_kinds[i])]));
        std::string found;
        for (const PatternNote& p : c.patterns) found += (found.empty() ? "" : "\n") + p.message;
        b.wrapped(row++, 1 + k_pattern_kinds.size(), found);
    }
    b.finish_table(t.cases.size());
}

void recording_sheet(Book& b, const Themes& t) {
    std::vector<Column> columns = {{"Case", 30}, {"Contacts", 10}, {"Not recorded", 10}, {"Percent", 9}};
    std::vector<std::size_t> kinds;
    for (std::size_t k = 0; k < t.recording.size(); ++k)
        if (t.recording[k].contacts) {
            kinds.push_back(k);
            columns.push_back({"% " + std::string(label(static_cast<AgencyKind>(k))), 12});
        }
    b.table("Recording", columns);
    std::size_t row = 1;
    for (const CaseThemes& c : t.cases) {
        b.text(row, 0, c.folder);
        RecordingTally all;
        for (const RecordingTally& r : c.recording) {
            all.contacts += r.contacts;
            all.not_recorded += r.not_recorded;
        }
        b.number(row, 1, static_cast<double>(all.contacts));
        b.number(row, 2, static_cast<double>(all.not_recorded));
        if (all.contacts) b.number(row, 3, static_cast<double>(percent_of(all.not_recorded, all.contacts)));
        for (std::size_t i = 0; i < kinds.size(); ++i)
            if (const RecordingTally& r = c.recording[kinds[i]]; r.contacts)
                b.number(row, 4 + i, static_cast<double>(percent_of(r.not_recorded, r.contacts)));
        ++row;
    }
    b.finish_table(t.cases.size());
}

void failed_sheet(Book& b, const Themes& t) {
    b.table("Could not be read", {{"Case", 30}, {"Problem", 100}});
    std::size_t row = 1;
    for (const FailedCase& f : t.failed) {
        b.text(row, 0, f.folder);
        b.wrapped(row++, 1, f.message);
    }
    b.finish_table(t.failed.size());
}

}  // namespace

void write_themes_xlsx(const Themes& t, const std::string& path) {
    AtomicPath file(path);
    {
        Book b(path, file.temp_path());
        summary_sheet(b, t);
        cases_sheet(b, t);
        kinds_sheet(b, t);
        unseen_sheet(b, t);
        transfers_sheet(b, t);
        patterns_sheet(b, t);
        recording_sheet(b, t);
        if (!t.failed.empty()) failed_sheet(b, t);
        b.close();
    }
    file.commit();
}

}  // namespace sightline::formats
