// Blank single-agency chronologies for agencies to fill in.
#include "sightline/formats/sheet_template.hpp"

#include <xlsxwriter.h>

#include <array>
#include <charconv>

#include "sightline/engine/diagnostic.hpp"
#include "sightline/engine/vocabulary.hpp"
#include "docx_document.hpp"
#include "xlsx_formats.hpp"
#include "sightline/formats/io.hpp"

namespace sightline::formats {

using namespace sightline::engine;

namespace {

// Recognised by the readers without a mapping (see headings.cpp's header aliases).
constexpr std::array<std::string_view, 12> k_headers = {
    "Date", "Time", "Type", "Summary", "People involved", "Child seen", "Child's views sought", "Contact method",
    "Practitioner", "Agencies informed", "Ref", "Area"};
enum : lxw_col_t { c_date, c_time, c_type, c_summary, c_people, c_seen, c_views, c_method, c_practitioner, c_to, c_ref, c_area };
constexpr std::array<double, 12> k_widths = {12, 8, 22, 60, 24, 14, 12, 16, 14, 26, 14, 14};

constexpr std::array<std::string_view, 4> k_seen_words = {"Seen alone", "Seen", "Not seen", "Not recorded"};
constexpr std::array<std::string_view, 6> k_method_words = {"Face to face", "Phone", "Video", "Letter", "Electronic", "Other"};

constexpr const char* k_instruction =
    "# One row per contact or event, oldest first. Dates as 24/06/2015 (day first) or 2015-06-24; "
    "June 2015, ~2015 and spring 2015 are fine when that is all you know. Separate names with ; . "
    "Lines starting with # are instructions: keep them.";

// The lines above the header: directives the reader applies, and the instruction.
std::vector<std::string> preamble(const TemplateSpec& spec) {
    std::vector<std::string> out = {"# agency: " + spec.agency};
    if (!spec.kind.empty()) out.push_back("# kind: " + spec.kind);
    if (!spec.area.empty()) out.push_back("# area: " + spec.area);
    out.emplace_back("# date_order: dmy");
    out.emplace_back(k_instruction);
    return out;
}

void append_csv_cell(std::string& out, std::string_view cell) {
    const bool quote = cell.find_first_of(",\"\r\n") != std::string_view::npos;
    if (!quote) {
        out.append(cell);
        return;
    }
    out.push_back('"');
    for (const char ch : cell) {
        if (ch == '"') out.push_back('"');
        out.push_back(ch);
    }
    out.push_back('"');
}

// Reads "2015-06-24" into an lxw_datetime; false for anything else.
bool iso_day(std::string_view s, lxw_datetime& out) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    int y = 0, m = 0, d = 0;
    if (std::from_chars(s.data(), s.data() + 4, y).ec != std::errc{} ||
        std::from_chars(s.data() + 5, s.data() + 7, m).ec != std::errc{} ||
        std::from_chars(s.data() + 8, s.data() + 10, d).ec != std::errc{})
        return false;
    out = {y, m, d, 0, 0, 0};
    return true;
}

// Reads "14:30" into an lxw_datetime time of day; false for anything else.
bool clock_time(std::string_view s, lxw_datetime& out) {
    if (s.size() != 5 || s[2] != ':') return false;
    int h = 0, m = 0;
    if (std::from_chars(s.data(), s.data() + 2, h).ec != std::errc{} ||
        std::from_chars(s.data() + 3, s.data() + 5, m).ec != std::errc{} || h > 23 || m > 59)
        return false;
    out = {0, 0, 0, h, m, 0};
    return true;
}

}  // namespace

std::span<const std::string_view> template_headers() { return k_headers; }

void write_template_csv(const TemplateSpec& spec, std::string& out) {
    for (const std::string& line : preamble(spec)) {
        append_csv_cell(out, line);
        out += "\r\n";
    }
    for (std::size_t i = 0; i < k_headers.size(); ++i) {
        if (i) out.push_back(',');
        append_csv_cell(out, k_headers[i]);
    }
    out += "\r\n";
}

void write_template_xlsx(const TemplateSpec& spec, const std::string& path,
                         const std::vector<std::vector<std::string>>& rows) {
    AtomicPath file(path);
    lxw_workbook* book = workbook_new(file.temp_path().c_str());
    if (!book) fail_unwritable(path, "libxlsxwriter could not start a workbook");
    lxw_worksheet* sheet = workbook_add_worksheet(book, "Chronology");
    lxw_worksheet* help = workbook_add_worksheet(book, "Instructions");
    lxw_worksheet* lists = workbook_add_worksheet(book, "Lists");

    lxw_format* bold = detail::add_header_format(book);  // the header row, and the instructions' headings
    lxw_format* note = workbook_add_format(book);
    format_set_italic(note);
    format_set_font_color(note, 0x595959);
    lxw_format* date = workbook_add_format(book);
    format_set_num_format(date, "dd/mm/yyyy");
    lxw_format* time = workbook_add_format(book);
    format_set_num_format(time, "hh:mm");
    lxw_format* wrap = workbook_add_format(book);
    format_set_text_wrap(wrap);
    format_set_align(wrap, LXW_ALIGN_VERTICAL_TOP);
    lxw_format* text = workbook_add_format(book);
    format_set_num_format(text, "@");

    // Lists for the drop-downs (a list longer than 255 characters must live in cells).
    for (std::size_t i = 0; i < entry_type_names().size(); ++i)
        worksheet_write_string(lists, static_cast<lxw_row_t>(i), 0,
                               std::string(label(static_cast<EntryType>(i))).c_str(), nullptr);
    for (std::size_t i = 0; i < k_seen_words.size(); ++i)
        worksheet_write_string(lists, static_cast<lxw_row_t>(i), 1, std::string(k_seen_words[i]).c_str(), nullptr);
    for (std::size_t i = 0; i < k_method_words.size(); ++i)
        worksheet_write_string(lists, static_cast<lxw_row_t>(i), 2, std::string(k_method_words[i]).c_str(), nullptr);
    worksheet_write_string(lists, 0, 3, "Yes", nullptr);
    worksheet_write_string(lists, 1, 3, "No", nullptr);
    worksheet_hide(lists);

    // The data sheet: directives and instruction, then the header.
    const std::vector<std::string> lines = preamble(spec);
    lxw_row_t row = 0;
    for (const std::string& line : lines) worksheet_write_string(sheet, row++, 0, line.c_str(), note);
    const lxw_row_t header = row;
    for (lxw_col_t col = 0; col < k_headers.size(); ++col) {
        lxw_format* f = col == c_date ? date : col == c_time ? time : col == c_summary ? wrap : col == c_ref ? text : nullptr;
        worksheet_set_column(sheet, col, col, k_widths[col], f);
        worksheet_write_string(sheet, header, col, std::string(k_headers[col]).c_str(), bold);
    }
    worksheet_freeze_panes(sheet, header + 1, 0);
    const lxw_row_t last = LXW_ROW_MAX - 1;
    auto drop_down = [&](lxw_col_t col, const std::string& range, std::size_t count, bool strict, const char* title,
                         const char* message) {
        lxw_data_validation v{};
        v.validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
        const std::string formula = "=Lists!$" + range + "$1:$" + range + "$" + std::to_string(count);
        v.value_formula = const_cast<char*>(formula.c_str());
        v.error_type = strict ? LXW_VALIDATION_ERROR_TYPE_STOP : LXW_VALIDATION_ERROR_TYPE_INFORMATION;
        v.input_title = const_cast<char*>(title);
        v.input_message = const_cast<char*>(message);
        worksheet_data_validation_range(sheet, header + 1, col, last, col, &v);
    };
    drop_down(c_type, "A", entry_type_names().size(), false, "Type",
              "Pick a type, or write your own word: it is kept as written.");
    drop_down(c_seen, "B", k_seen_words.size(), true, "Child seen", "Was the child seen at this contact?");
    drop_down(c_views, "D", 2, true, "Views sought", "Were the child's wishes and feelings sought?");
    drop_down(c_method, "C", k_method_words.size(), true, "Contact method", "How did the contact happen?");

    for (const std::vector<std::string>& cells : rows) {
        ++row;
        for (lxw_col_t col = 0; col < cells.size() && col < k_headers.size(); ++col) {
            lxw_datetime dt{};
            if (col == c_date && iso_day(cells[col], dt)) worksheet_write_datetime(sheet, row, col, &dt, date);
            else if (col == c_time && clock_time(cells[col], dt)) worksheet_write_datetime(sheet, row, col, &dt, time);
            else if (!cells[col].empty()) worksheet_write_string(sheet, row, col, cells[col].c_str(), nullptr);
        }
    }

    // The instructions.
    worksheet_set_column(help, 0, 0, 24, nullptr);
    worksheet_set_column(help, 1, 1, 90, wrap);
    const std::vector<std::pair<std::string, std::string>> help_rows = {
        {"Chronology for", spec.agency + (spec.kind.empty() ? "" : " (" + spec.kind + ")")},
        {"How to fill it in", "One row per contact or event on the Chronology sheet, oldest first. Keep the lines "
                              "starting with # above the header: they tell Sightline whose chronology this is."},
        {"Date", "Required. Type a date (24/06/2015, day first) or, when that is all you know, June 2015, ~2015, "
                 "spring 2015, or 2015-06-24/2015-06-30 for 'sometime between'."},
        {"Time", "Optional, 24-hour clock (14:30)."},
        {"Type", "Required. Pick from the list, or write your own word: it is kept as written."},
        {"Summary", "Required. What happened, in your agency's words."},
        {"People involved", "Names as your records give them, separated by ; (for example: Mum; Baby A)."},
        {"Child seen", "Seen alone, Seen, Not seen, or Not recorded. Leave empty if it does not apply."},
        {"Child's views sought", "Yes or No: were the child's wishes and feelings sought or recorded?"},
        {"Contact method", "Face to face, Phone, Video, Letter, Electronic or Other."},
        {"Practitioner", "The worker's role or anonymised label (for example SW1), not their name."},
        {"Agencies informed", "Agencies this contact informed or referred to, separated by ;."},
        {"Ref", "Your own record reference, so that the entry can be found again."},
        {"Area", "The local authority area, if it differs from your agency's."},
    };
    lxw_row_t hr = 0;
    for (const auto& [key, value] : help_rows) {
        worksheet_write_string(help, hr, 0, key.c_str(), bold);
        worksheet_write_string(help, hr, 1, value.c_str(), wrap);
        ++hr;
    }
    worksheet_activate(sheet);
    const lxw_error err = workbook_close(book);
    if (err != LXW_NO_ERROR) fail_unwritable(path, lxw_strerror(err));
    file.commit();
}

// [SECTION] The Word template

namespace {

constexpr std::array<std::string_view, 10> k_word_headers = {
    "Date", "Time", "What happened?", "Type of contact", "Child seen and spoken to?", "People involved",
    "Information shared with", "Action taken / outcome", "Practitioner", "Ref"};
constexpr std::array<double, 10> k_word_widths = {2.3, 1.3, 7.6, 2.2, 2.2, 2.6, 3.0, 3.2, 2.3, 1.6};
constexpr int k_word_blank_rows = 12;

}  // namespace

std::span<const std::string_view> word_template_headers() { return k_word_headers; }

void write_template_docx(const TemplateSpec& spec, const std::string& path) {
    detail::WordDocument doc(true);
    doc.heading("Single-agency chronology: " + spec.agency, 1);
    detail::DocumentTable details;
    details.bold_first_column = true;
    details.repeat_header = false;
    details.widths = {1, 3};
    details.rows = {{"Agency", spec.agency},
                    {"Agency kind", spec.kind},
                    {"Area", spec.area},
                    {"Child(ren) and date(s) of birth", ""},
                    {"Completed by (name and role)", ""},
                    {"Date completed", ""},
                    {"Period covered", ""}};
    doc.table(details);
    doc.heading("How to fill it in", 2);
    doc.bullet("One row per contact or event, oldest first. Add rows as you need them (Tab in the last cell).");
    doc.bullet("Date: as you know it: 24/06/2015 (day first), Mon 23rd May 2016, June 2015, w/c 06/06/2016, "
               "early June 2016. If you do not know it, write Not known: the row is still read.");
    doc.bullet("Time: if you have it: 14:30, 2.30pm, 1430hrs, morning.");
    doc.bullet("What happened?: in your own words, as your records say it. Keep one contact to one row.");
    doc.bullet("Type of contact (optional): home visit, office visit, phone call, letter, appointment, missed "
               "appointment, no access visit, referral, notification, strategy discussion, assessment, meeting, "
               "police incident, hospital attendance, ... (left empty, it is read from what happened).");
    doc.bullet("Child seen and spoken to?: Yes, Yes - seen alone, No, or N/A; add words if it helps (No - at nursery).");
    doc.bullet("People involved: names separated by ; (Mum; Lee; Baby R).");
    doc.bullet("Information shared with: the agencies you told, separated by ;.");
    doc.bullet("Do not merge cells or delete the header row; it repeats on every page.");
    detail::DocumentTable chronology;
    for (std::string_view h : k_word_headers) chronology.header.emplace_back(h);
    chronology.widths.assign(k_word_widths.begin(), k_word_widths.end());
    chronology.rows.assign(k_word_blank_rows, std::vector<std::string>(k_word_headers.size()));
    doc.table(chronology);
    doc.save(path);
}

}  // namespace sightline::formats
