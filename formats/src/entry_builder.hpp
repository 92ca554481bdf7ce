// EntryBuilder: the checks and resolution every reader shares when it turns a row into an entry.
// Internal to sightline_formats.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sightline/engine/model.hpp"

namespace sightline::formats::detail {

// A place in a source file (1-based).
struct Where {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

// Builds one entry at a time into a case's chronology. Errors reject the row; warnings keep it.
class EntryBuilder {
public:
    EntryBuilder(engine::Case& c, engine::SourceId source, std::string file);
    ~EntryBuilder();
    EntryBuilder(const EntryBuilder&) = delete;
    EntryBuilder& operator=(const EntryBuilder&) = delete;

    // Date options for this source (zone from the case; spreadsheet forms for sheets).
    engine::DateParseOptions date_options;

    // Starts a row at a place.
    void begin(Where where);
    void set_agency(engine::AgencyId agency) { m_entry.agency = agency; }
    void set_area(engine::AreaId area) { m_entry.area = area; }
    // Parses and sets the date (and, when time is not empty, the time of day). False on error.
    bool set_date(std::string_view text, Where where, std::string_view time = {}, Where time_where = {});
    // Sets an already-parsed date (e.g. from an Excel date cell).
    void set_parsed_date(const engine::FuzzyDate& date, std::string_view text);
    bool set_end(std::string_view text, Where where);
    void set_type(std::string_view text);
    void set_summary(std::string_view text) { m_entry.summary = store(text); }
    void set_ref(std::string_view text) { m_entry.ref = store(text); }
    void set_practitioner(std::string_view text) { m_entry.practitioner = store(text); }
    void set_seq(std::int32_t seq) { m_entry.seq = seq; }
    void set_modality(engine::Modality m) { m_entry.modality = m; }
    void set_views_sought(bool v) { m_entry.views_sought = v ? engine::Tri::Yes : engine::Tri::No; }
    // Child seen for every index child.
    void set_child_seen(engine::ChildSeen v);
    // Child seen for one child named by id, name or alias; error if not an index child.
    bool set_child_seen_for(std::string_view child, engine::ChildSeen v, Where where);
    // Subjects resolve by id, name or alias; an unknown name is kept as written with a warning.
    void add_subject(std::string_view text, Where where);
    void add_recipient(std::string_view agency_name);
    void add_tag(std::string_view text) { m_tags.push_back(store(text)); }
    // A field outside the format, kept; warns once per field name per file.
    void add_extra(std::string_view field, std::string_view value, Where where);

    // An error on this row: reported, and the row will be rejected.
    void error(Where where, std::string code, std::string message);
    void warning(Where where, std::string code, std::string message);
    [[nodiscard]] bool row_failed() const { return m_failed; }

    // Ends the row: appends the entry, or counts a rejection. Returns true if an entry was made.
    bool finish();
    // Counts a row rejected before begin()/finish() could run (e.g. a ragged CSV row).
    void reject_row() { ++m_counts.rows_read; ++m_counts.rows_rejected; }
    void count_blank_row() { ++m_counts.blank_rows; }
    // Writes the counts into the case's source record and appends per-name totals to warnings.
    void close();

    [[nodiscard]] const engine::SourceCounts& counts() const { return m_counts; }
    [[nodiscard]] const std::string& file() const { return m_file; }
    [[nodiscard]] engine::Case& case_() { return m_case; }

    // Splits a multi-value cell on ';', ',' or '|' (trimming, dropping empties).
    static std::vector<std::string_view> split_list(std::string_view cell);

private:
    std::string_view store(std::string_view text) { return m_case.chronology.text.store(text); }

    engine::Case& m_case;
    engine::SourceId m_source;
    std::string m_file;
    engine::Entry m_entry;
    bool m_failed = false;
    bool m_has_date = false;
    std::optional<engine::ChildSeen> m_seen_all;
    std::vector<std::pair<int, engine::ChildSeen>> m_seen_each;
    std::vector<engine::SubjectRef> m_subjects;
    std::vector<engine::AgencyId> m_to;
    std::vector<std::string_view> m_tags;
    std::vector<std::pair<std::string_view, std::string_view>> m_extras;
    std::optional<engine::FuzzyDate> m_end;
    engine::SourceCounts m_counts;

    // Unknown subject names: first warning's index and how many times seen.
    struct UnknownName {
        std::size_t diagnostic = 0;
        std::uint64_t count = 0;
    };
    std::unordered_map<std::string, UnknownName> m_unknown_names;
    std::unordered_map<std::string, bool> m_warned_fields;
    // Resolution cache: subject text -> person (or none).
    std::unordered_map<std::string, engine::PersonId> m_subject_cache;
    std::unordered_map<std::string, engine::AgencyId> m_agency_cache;
};

// Reads "true/false/yes/no/y/n/1/0"; nullopt otherwise.
std::optional<bool> parse_bool(std::string_view text);
// Reads a whole integer; nullopt otherwise.
std::optional<std::int64_t> parse_int(std::string_view text);
// Trims spaces, tabs and CR from both ends.
std::string_view trim(std::string_view s);

}  // namespace sightline::formats::detail
