// Headings: the table of the words agencies put at the top of their columns, and the lookups
// that read a heading as an entry field (see headings.hpp). A new heading goes in
// k_header_aliases (it means a field) or k_text_headers (more text about an event), written in
// its header_key form; SheetReader.RecognisesCommonHeaders tests a sample of them.
//
// [SECTION] Field names
// [SECTION] The heading table
// [SECTION] Lookups
#include "headings.hpp"

#include <algorithm>
#include <array>
#include <iterator>

#include "sightline/engine/text.hpp"

namespace sightline::formats::detail {

namespace {

// [SECTION] Field names

constexpr std::array<std::string_view, k_sheet_field_count> k_field_names = {
    "ref", "date", "time", "type", "summary", "subjects", "child_seen", "views_sought", "modality",
    "practitioner", "to", "area", "seq", "end", "tags", "agency"};

// [SECTION] The heading table

struct HeaderAlias {
    std::string_view key;  // header_key() form
    SheetField field;
};

// Headers recognised without a mapping: the field names themselves and the words agencies use
// (research/anchors.md §4: ChronoLator, Mosaic, Tayside, PLO, CaseMap exports).
constexpr HeaderAlias k_header_aliases[] = {
    {"ref", SheetField::Ref}, {"reference", SheetField::Ref}, {"record ref", SheetField::Ref},
    {"record reference", SheetField::Ref}, {"event ref", SheetField::Ref}, {"ref no", SheetField::Ref},
    {"reference number", SheetField::Ref}, {"record id", SheetField::Ref}, {"id", SheetField::Ref},
    {"date", SheetField::Date}, {"date of contact", SheetField::Date}, {"contact date", SheetField::Date},
    {"event date", SheetField::Date}, {"date of event", SheetField::Date}, {"start date", SheetField::Date},
    {"entry date", SheetField::Date}, {"date of entry", SheetField::Date}, {"incident date", SheetField::Date},
    {"date of incident", SheetField::Date}, {"date period", SheetField::Date},
    {"time", SheetField::Time}, {"start time", SheetField::Time}, {"time of contact", SheetField::Time},
    {"event time", SheetField::Time}, {"contact time", SheetField::Time},
    {"type", SheetField::Type}, {"event type", SheetField::Type}, {"entry type", SheetField::Type},
    {"contact type", SheetField::Type}, {"type of contact", SheetField::Type}, {"type of event", SheetField::Type},
    {"category", SheetField::Type},
    {"summary", SheetField::Summary}, {"details", SheetField::Summary}, {"description", SheetField::Summary},
    {"event details", SheetField::Summary}, {"event detail", SheetField::Summary},
    {"details of contact", SheetField::Summary}, {"event description", SheetField::Summary},
    {"significant event", SheetField::Summary}, {"narrative", SheetField::Summary},
    {"what happened", SheetField::Summary}, {"fact text", SheetField::Summary}, {"message", SheetField::Summary},
    {"subjects", SheetField::Subjects}, {"subject", SheetField::Subjects}, {"people", SheetField::Subjects},
    {"people involved", SheetField::Subjects}, {"persons involved", SheetField::Subjects},
    {"people present", SheetField::Subjects}, {"names", SheetField::Subjects}, {"individuals", SheetField::Subjects},
    {"child seen", SheetField::ChildSeen}, {"child seen y n", SheetField::ChildSeen},
    {"child seen yes no", SheetField::ChildSeen}, {"was the child seen", SheetField::ChildSeen},
    {"children seen", SheetField::ChildSeen}, {"seen", SheetField::ChildSeen},
    {"views sought", SheetField::ViewsSought}, {"child s views sought", SheetField::ViewsSought},
    {"childs views sought", SheetField::ViewsSought}, {"child views sought", SheetField::ViewsSought},
    {"voice of the child", SheetField::ViewsSought}, {"wishes and feelings", SheetField::ViewsSought},
    {"modality", SheetField::Modality}, {"contact method", SheetField::Modality}, {"method", SheetField::Modality},
    {"method of contact", SheetField::Modality}, {"mode", SheetField::Modality}, {"contact mode", SheetField::Modality},
    {"practitioner", SheetField::Practitioner}, {"worker", SheetField::Practitioner},
    {"officer", SheetField::Practitioner}, {"professional", SheetField::Practitioner},
    {"staff", SheetField::Practitioner}, {"staff member", SheetField::Practitioner},
    {"author", SheetField::Practitioner}, {"recorded by", SheetField::Practitioner},
    {"to", SheetField::To}, {"informed", SheetField::To}, {"agencies informed", SheetField::To},
    {"shared with", SheetField::To}, {"information shared with", SheetField::To}, {"referred to", SheetField::To},
    {"notified", SheetField::To}, {"sent to", SheetField::To},
    {"area", SheetField::Area}, {"borough", SheetField::Area}, {"local authority", SheetField::Area},
    {"la", SheetField::Area}, {"la area", SheetField::Area}, {"district", SheetField::Area},
    {"seq", SheetField::Seq}, {"sequence", SheetField::Seq}, {"seq no", SheetField::Seq},
    {"end", SheetField::End}, {"end date", SheetField::End}, {"date ended", SheetField::End},
    {"tags", SheetField::Tags}, {"flags", SheetField::Tags}, {"keywords", SheetField::Tags},
    {"agency", SheetField::Agency}, {"source", SheetField::Agency}, {"source of information", SheetField::Agency},
    {"agency name", SheetField::Agency}, {"organisation", SheetField::Agency}, {"organization", SheetField::Agency},
    // The partnership templates agencies fill in (ChronoLator's Internal Chronology; the Care
    // Inspectorate and Tayside Chronology of Significant Events; child protection conference
    // agency reports; local variants). Matched after header_key: case, punctuation, "?" and "/"
    // do not count ("Child seen and spoken to?" is "child seen and spoken to").
    {"date or period of event", SheetField::Date}, {"date period of event", SheetField::Date},
    {"date of event or period", SheetField::Date}, {"date of significant event", SheetField::Date},
    {"date time", SheetField::Date}, {"date and time", SheetField::Date}, {"date time of event", SheetField::Date},
    {"date and time of event", SheetField::Date}, {"date of contact event", SheetField::Date},
    {"date of contact or event", SheetField::Date}, {"event start date", SheetField::Date},
    {"when", SheetField::Date}, {"dates", SheetField::Date},
    {"time of event", SheetField::Time}, {"time of incident", SheetField::Time}, {"event start time", SheetField::Time},
    {"details of event", SheetField::Summary}, {"details of significant event", SheetField::Summary},
    {"significant event details", SheetField::Summary}, {"description of event", SheetField::Summary},
    {"event summary", SheetField::Summary}, {"summary of event", SheetField::Summary},
    {"details of contact event", SheetField::Summary}, {"details of contact or event", SheetField::Summary},
    {"details of incident", SheetField::Summary}, {"incident details", SheetField::Summary},
    {"brief description", SheetField::Summary}, {"brief details", SheetField::Summary},
    {"key event", SheetField::Summary}, {"event", SheetField::Summary}, {"events", SheetField::Summary},
    {"what happened and who was involved", SheetField::Summary},
    {"detail", SheetField::Summary},
    {"case note", SheetField::Summary}, {"information", SheetField::Summary},
    {"event reference", SheetField::Ref}, {"record no", SheetField::Ref}, {"record number", SheetField::Ref},
    {"case note ref", SheetField::Ref},
    {"type of contact event", SheetField::Type}, {"nature of contact", SheetField::Type},
    {"child seen and spoken to", SheetField::ChildSeen}, {"child seen spoken to", SheetField::ChildSeen},
    {"was the child seen and spoken to", SheetField::ChildSeen}, {"child seen and spoken with", SheetField::ChildSeen},
    {"child seen y n n a", SheetField::ChildSeen}, {"was child seen", SheetField::ChildSeen},
    {"practitioner name", SheetField::Practitioner}, {"name of practitioner", SheetField::Practitioner},
    {"worker name", SheetField::Practitioner}, {"name of worker", SheetField::Practitioner},
    {"name and role", SheetField::Practitioner}, {"practitioner role", SheetField::Practitioner},
    {"professional involved", SheetField::Practitioner},
    {"information shared with whom", SheetField::To}, {"who was informed", SheetField::To},
    {"who was information shared with", SheetField::To}, {"copied to", SheetField::To},
    {"who was present", SheetField::Subjects},
    {"persons present", SheetField::Subjects}, {"family members involved", SheetField::Subjects},
    {"source agency", SheetField::Agency},
};

// Template columns that hold more text about an event than its summary: kept as named fields
// (shown in every output) without a warning, because they are expected. "Source" and "Source of
// information" join them in a return whose agency is given: there they say which record the
// line came from ("case notes"), not which agency wrote it.
constexpr std::string_view k_text_headers[] = {
    "impact", "impact on child", "impact on the child", "impact on children", "impact risk",
    "action taken", "actions taken", "action", "actions", "action taken outcome", "action outcome",
    "outcome", "outcomes", "action taken and outcome", "response", "professional response", "decision",
    "decisions", "analysis", "significance", "why significant", "why is this significant", "comments",
    "comment", "rag", "rag rating", "risk", "risk rating", "risk level", "concerns", "child s voice",
    "childs voice", "child voice", "source", "source of information", "further information", "follow up",
    "next steps", "notes", "other fields",
};

}  // namespace

// [SECTION] Lookups

std::string_view field_name(SheetField f) { return k_field_names[static_cast<std::size_t>(f)]; }

std::optional<SheetField> parse_sheet_field(std::string_view name) {
    for (std::size_t i = 0; i < k_field_names.size(); ++i)
        if (k_field_names[i] == name) return static_cast<SheetField>(i);
    return std::nullopt;
}

std::string header_key(std::string_view header) {
    std::string out;
    out.reserve(header.size());
    for (std::size_t i = 0; i < header.size(); ++i) {
        const char c = engine::ascii_lower(header[i]);
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
        if (header.substr(i, 3) == "\xE2\x80\x99") {  // a typographic apostrophe
            i += 2;
            if (!out.empty() && out.back() != ' ') out.push_back(' ');
        } else if (alnum) {
            out.push_back(c);
        } else if (!out.empty() && out.back() != ' ') {
            out.push_back(' ');
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool recognise_text_header(std::string_view header) {
    const std::string key = header_key(header);
    return std::find(std::begin(k_text_headers), std::end(k_text_headers), key) != std::end(k_text_headers);
}

std::optional<SheetField> recognise_header(std::string_view header) {
    const std::string key = header_key(header);
    for (const HeaderAlias& a : k_header_aliases)
        if (a.key == key) return a.field;
    return std::nullopt;
}

}  // namespace sightline::formats::detail
