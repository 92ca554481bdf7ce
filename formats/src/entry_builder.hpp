// EntryBuilder: the checks and resolution every reader shares when it turns a row into an entry.
// Internal to sightline_formats.
#pragma once

#include <array>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "sightline/engine/model.hpp"
#include "sightline/engine/text.hpp"

namespace sightline::formats::detail {

using engine::trim;

class Registrations;

// Hashes std::string keys and finds them by std::string_view without building a string.
struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
// A map from text to T, looked up by view without allocating.
template <class T>
using TextMap = std::unordered_map<std::string, T, TextHash, std::equal_to<>>;

// A place in a source file (1-based).
struct Where {
    std::uint32_t line = 0;
    std::uint32_t column = 0;
    std::uint32_t table = 0;   // Word documents: the 1-based table, whose row is `line`
};

// A diagnostic at a place (with its Word table, if any).
engine::Diagnostic diagnostic_at(engine::Severity severity, const std::string& file, Where where, std::string code,
                                 std::string message);

// How a source read on one of several threads (fast/parallel_reader.cpp) is read: differently for
// speed, never with a different result.
struct OnThread {
    // Its entries go to a range of a pre-sized entries array, filled from the front, instead of
    // being appended to the chronology.
    engine::Entry* next = nullptr;
    engine::Entry* end = nullptr;
    // Its areas and agencies are registered when it is committed (a deferred Registrations).
    Registrations* registrations = nullptr;
    // A date column's day/month order may be decided by its first decisive date instead of a
    // scan of the whole column first. Should a later date be readable only the other way, the
    // reader stops and says so (dates_contradicted), and the caller reads the source again (from
    // its file: the text is unescaped in place) with decide_dates_early false.
    bool decide_dates_early = false;
    bool dates_contradicted = false;
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

    // Views inside range are already owned by the chronology's TextStore (an adopted file
    // buffer), so setters keep them without copying. At most k_owned_ranges ranges.
    void own_text(std::string_view range) {
        if (m_owned_count < m_owned.size()) m_owned[m_owned_count++] = range;
    }

    // Reads as on a thread: entries into its slots (which must have room for every row) rather
    // than appended (their side arrays, subjects, tags..., still go to the case's chronology),
    // and registrations through its deferred Registrations.
    void read_on(OnThread* on_thread);

    // Starts a row at a place.
    void begin(Where where);
    void set_agency(engine::AgencyId agency) { m_entry.agency = agency; }
    void set_area(engine::AreaId area) { m_entry.area = area; }
    // Parses and sets the date (and, when time is not empty, the time of day). False on error.
    bool set_date(std::string_view text, Where where, std::string_view time = {}, Where time_where = {});
    // Makes the entry undated: its source says the date is not known ("Not known", or an empty
    // date cell in a row with text). text is the cell as written.
    void set_undated(std::string_view text);
    [[nodiscard]] bool undated() const { return m_entry.undated; }
    // No type was written: it is read from the entry's summary once every source is read
    // (engine::read_unwritten_types), with its agency's kind to break ties.
    void set_type_unwritten() {
        m_entry.type = engine::EntryType::Other;
        m_entry.type_text = {};
        m_entry.type_inferred = true;
        m_entry.type_unread = true;
    }
    // Evidence found later about when something happened (retrospective: true, or the tag).
    void set_retrospective(bool v) { m_entry.retrospective = v; }
    // The type already set was read from the words by an earlier reading (a native file's
    // `type_inferred: true`).
    void mark_type_inferred() { m_entry.type_inferred = true; }
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
    // Child seen for index child number `position` (its place in index_children).
    void set_child_seen_at(int position, engine::ChildSeen v) { m_seen_each.emplace_back(position, v); }
    // Child seen for one child named by id, name or alias; error if not an index child.
    bool set_child_seen_for(std::string_view child, engine::ChildSeen v, Where where);
    // Subjects resolve by id, name or alias; an unknown name is kept as written with a warning.
    void add_subject(std::string_view text, Where where);
    void add_recipient(std::string_view agency_name);
    void add_tag(std::string_view text) { m_tags.push_back(store(text)); }
    // A field outside the format, kept; warns once per field name per file.
    void add_extra(std::string_view field, std::string_view value, Where where);
    // A field the reader has already reported (a spreadsheet's unmapped column): no warning.
    void expect_extra_field(std::string_view field) { m_warned_fields.emplace(std::string(field), true); }
    // Where the source's areas and agencies are registered: in the case as they are met, unless
    // the source is read on its own thread (register_through a deferred one).
    [[nodiscard]] Registrations& registrations() { return *m_registrations; }
    void register_through(Registrations* r) { m_registrations = r ? r : m_own_registrations.get(); }

    // An error on this row: reported, and the row will be rejected.
    void error(Where where, std::string code, std::string message);
    void warning(Where where, std::string code, std::string message);
    [[nodiscard]] bool row_failed() const { return m_failed; }

    // Ends the row: appends the entry, or counts a rejection. Returns true if an entry was made.
    bool finish();
    // Counts a row rejected before begin()/finish() could run (e.g. a ragged CSV row).
    void reject_row() { ++m_counts.rows_read; ++m_counts.rows_rejected; }
    void count_blank_row() { ++m_counts.blank_rows; }
    // Counts a comment or directive row above a spreadsheet's header.
    void count_skipped_row() { ++m_counts.skipped_rows; }
    // Adds the counts to the case's source record and appends per-name totals to warnings.
    void close();

    [[nodiscard]] const engine::SourceCounts& counts() const { return m_counts; }
    [[nodiscard]] const std::string& file() const { return m_file; }
    [[nodiscard]] engine::Case& case_() { return m_case; }

    // Splits a multi-value cell on ';', ',' or '|' (trimming, dropping empties).
    static std::vector<std::string_view> split_list(std::string_view cell);
    // The same without a vector: calls item(part) for each part.
    template <class Item>
    static void for_each_item(std::string_view cell, Item&& item) {
        std::size_t start = 0;
        for (std::size_t i = 0; i <= cell.size(); ++i) {
            if (i == cell.size() || cell[i] == ';' || cell[i] == ',' || cell[i] == '|') {
                const std::string_view part = trim(cell.substr(start, i - start));
                if (!part.empty()) item(part);
                start = i + 1;
            }
        }
    }

    // Copies text into the chronology's TextStore unless it is already there (see own_text).
    std::string_view store(std::string_view text) {
        for (std::size_t i = 0; i < m_owned_count; ++i)
            if (std::less_equal<>{}(m_owned[i].data(), text.data()) &&
                std::less_equal<>{}(text.data() + text.size(), m_owned[i].data() + m_owned[i].size()))
                return text;
        return m_case.chronology.text.store(text);
    }

private:
    engine::Case& m_case;
    engine::SourceId m_source;
    std::string m_file;
    std::unique_ptr<Registrations> m_own_registrations;  // registering in the case as met
    Registrations* m_registrations = nullptr;
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
    OnThread* m_slots = nullptr;            // when set, where entries go
    std::array<std::string_view, 4> m_owned;  // ranges of text already in the store
    std::size_t m_owned_count = 0;
    std::string m_scratch;                 // date and time joined
    engine::ZoneOffsets m_offsets;         // UTC offsets of local times already met

    // Unknown subject names: first warning's index and how many times seen.
    struct UnknownName {
        std::size_t diagnostic = 0;
        std::uint64_t count = 0;
    };
    TextMap<UnknownName> m_unknown_names;
    TextMap<bool> m_warned_fields;
    // Resolution caches by text as written: subject -> person (or none), agency, type.
    TextMap<engine::PersonId> m_subject_cache;
    TextMap<engine::AgencyId> m_agency_cache;
    TextMap<engine::EntryType> m_type_cache;
};

// Reads "true/false/yes/no/y/n/1/0"; nullopt otherwise.
std::optional<bool> parse_bool(std::string_view text);
// Reads a whole integer; nullopt otherwise.
std::optional<std::int64_t> parse_int(std::string_view text);

}  // namespace sightline::formats::detail
