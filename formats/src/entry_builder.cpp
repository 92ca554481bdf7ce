// EntryBuilder: shared row-to-entry logic for every reader.
#include "entry_builder.hpp"

#include "registrations.hpp"

#include <charconv>


namespace sightline::formats::detail {

using namespace sightline::engine;


std::optional<bool> parse_bool(std::string_view text) {
    const std::string w = normalise_word(text);
    if (w == "true" || w == "yes" || w == "y" || w == "1") return true;
    if (w == "false" || w == "no" || w == "n" || w == "0") return false;
    return std::nullopt;
}

std::optional<std::int64_t> parse_int(std::string_view text) {
    text = trim(text);
    std::int64_t v = 0;
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
    if (ec != std::errc{} || ptr != text.data() + text.size() || text.empty()) return std::nullopt;
    return v;
}

Diagnostic diagnostic_at(Severity severity, const std::string& file, Where where, std::string code, std::string message) {
    return Diagnostic{severity, file, where.line, where.column, std::move(code), std::move(message), where.table};
}

EntryBuilder::EntryBuilder(Case& c, SourceId source, std::string file)
    : m_case(c), m_source(source), m_file(std::move(file)), m_own_registrations(std::make_unique<Registrations>(c)),
      m_registrations(m_own_registrations.get()) {}

EntryBuilder::~EntryBuilder() = default;

void EntryBuilder::read_on(OnThread* on_thread) {
    m_slots = on_thread;
    register_through(on_thread ? on_thread->registrations : nullptr);
}

void EntryBuilder::begin(Where where) {
    m_entry = Entry{};
    m_entry.where = {m_source, where.line, where.column, where.table};
    m_failed = false;
    m_has_date = false;
    m_seen_all.reset();
    m_seen_each.clear();
    m_subjects.clear();
    m_to.clear();
    m_tags.clear();
    m_extras.clear();
    m_end.reset();
}

void EntryBuilder::error(Where where, std::string code, std::string message) {
    m_failed = true;
    m_case.diagnostics.add(diagnostic_at(Severity::Error, m_file, where, std::move(code), std::move(message)));
}

void EntryBuilder::warning(Where where, std::string code, std::string message) {
    m_case.diagnostics.add(diagnostic_at(Severity::Warning, m_file, where, std::move(code), std::move(message)));
}

bool EntryBuilder::set_date(std::string_view text, Where where, std::string_view time, Where time_where) {
    text = trim(text);
    time = trim(time);
    std::string_view full = text;
    if (!time.empty()) {
        m_scratch.assign(text).push_back(' ');
        m_scratch.append(time);
        full = m_scratch;
    }
    date_options.offsets = &m_offsets;
    DateParseResult r = parse_date(full, date_options);
    if (r.error) {
        // A bad time is reported at the time's cell when it came from its own column.
        const Where at = (!time.empty() && r.error->code.rfind("time", 0) == 0 && time_where.line) ? time_where : where;
        error(at, r.error->code, r.error->message);
        return false;
    }
    if (r.warning) warning(where, r.warning->code, r.warning->message);
    m_entry.date = *r.date;
    m_entry.date_text = store(full);
    m_has_date = true;
    return true;
}

void EntryBuilder::set_undated(std::string_view text) {
    m_entry.date = FuzzyDate{};
    m_entry.undated = true;
    m_entry.date_text = store(trim(text));
    m_has_date = true;
}

void EntryBuilder::set_parsed_date(const FuzzyDate& date, std::string_view text) {
    m_entry.date = date;
    m_entry.date_text = store(text);
    m_has_date = true;
}

bool EntryBuilder::set_end(std::string_view text, Where where) {
    date_options.offsets = &m_offsets;
    DateParseResult r = parse_date(text, date_options);
    if (r.error) {
        error(where, r.error->code, r.error->message);
        return false;
    }
    if (r.warning) warning(where, r.warning->code, r.warning->message);
    m_end = *r.date;
    return true;
}

void EntryBuilder::set_type(std::string_view text) {
    text = trim(text);
    if (const auto it = m_type_cache.find(text); it != m_type_cache.end()) {
        m_entry.type = it->second;
    } else {
        m_entry.type = parse_entry_type(text);
        m_type_cache.emplace(std::string(text), m_entry.type);
    }
    m_entry.type_text = store(text);
}

void EntryBuilder::set_child_seen(ChildSeen v) { m_seen_all = v; }

bool EntryBuilder::set_child_seen_for(std::string_view child, ChildSeen v, Where where) {
    const PersonId p = m_case.find_person(child);
    const int pos = is_none(p) ? -1 : m_case.index_child_position(p);
    if (pos < 0) {
        error(where, "child-unknown",
              "child_seen names '" + std::string(child) + "', who is not one of the case's index_children");
        return false;
    }
    m_seen_each.emplace_back(pos, v);
    return true;
}

void EntryBuilder::add_subject(std::string_view text, Where where) {
    text = trim(text);
    if (text.empty()) return;
    PersonId person;
    if (const auto it = m_subject_cache.find(text); it != m_subject_cache.end()) {
        person = it->second;
    } else {
        person = m_case.find_person(text);
        m_subject_cache.emplace(std::string(text), person);
    }
    if (is_none(person)) {
        auto it = m_unknown_names.find(text);
        if (it == m_unknown_names.end()) {
            it = m_unknown_names.emplace(std::string(text), UnknownName{m_case.diagnostics.size(), 0}).first;
            warning(where, "subject-unknown",
                    "subject '" + std::string(text) + "' is not a person in the case; kept as written");
        }
        ++it->second.count;
    }
    m_subjects.push_back({person, store(text)});
}

void EntryBuilder::add_recipient(std::string_view agency_name) {
    agency_name = trim(agency_name);
    if (agency_name.empty()) return;
    if (const auto it = m_agency_cache.find(agency_name); it != m_agency_cache.end()) {
        m_to.push_back(it->second);
        return;
    }
    const AgencyId id = m_registrations->agency(agency_name);
    m_agency_cache.emplace(std::string(agency_name), id);
    m_to.push_back(id);
}

void EntryBuilder::add_extra(std::string_view field, std::string_view value, Where where) {
    if (m_warned_fields.find(field) == m_warned_fields.end()) {
        m_warned_fields.emplace(std::string(field), true);
        warning(where, "key-unknown",
                "unknown field '" + std::string(field) + "' is not part of the format; kept as written");
    }
    m_extras.emplace_back(store(field), store(value));
}

bool EntryBuilder::finish() {
    ++m_counts.rows_read;
    const Where here{m_entry.where.line, m_entry.where.column, m_entry.where.table};
    if (!m_failed && !m_has_date) error(here, "field-missing", "entry has no date");
    if (!m_failed && is_none(m_entry.agency))
        error(here, "field-missing", "entry has no agency");
    if (m_failed) {
        ++m_counts.rows_rejected;
        return false;
    }
    Chronology& ch = m_case.chronology;
    if (m_seen_all) m_entry.child_seen = *m_seen_all;
    if (!m_seen_each.empty()) {
        const std::size_t n = m_case.info.index_children.size();
        m_entry.seen_map = static_cast<std::uint32_t>(ch.seen_values.size());
        ch.seen_values.resize(ch.seen_values.size() + n, m_seen_all.value_or(ChildSeen::NotRecorded));
        for (const auto& [pos, v] : m_seen_each) ch.seen_values[m_entry.seen_map + static_cast<std::size_t>(pos)] = v;
    }
    auto append = [](auto& target, const auto& items) {
        Slice s{static_cast<std::uint32_t>(target.size()), static_cast<std::uint32_t>(items.size())};
        target.insert(target.end(), items.begin(), items.end());
        return s;
    };
    // The tag says the same as the field: evidence found later (a sheet's Tags column can carry it).
    for (std::string_view t : m_tags)
        if (t == "retrospective") m_entry.retrospective = true;
    m_entry.subjects = append(ch.subjects, m_subjects);
    m_entry.to = append(ch.recipients, m_to);
    m_entry.tags = append(ch.tags, m_tags);
    m_entry.extra = append(ch.extras, m_extras);
    if (m_end) {
        m_entry.end = static_cast<std::uint32_t>(ch.ends.size());
        ch.ends.push_back(*m_end);
    }
    if (m_slots && m_slots->next != m_slots->end) {
        *m_slots->next++ = m_entry;
    } else {
        // Without slots, or (never expected: they are counted from the records) past them.
        ch.entries.push_back(m_entry);
    }
    ++m_counts.entries_made;
    if (m_entry.undated) ++m_counts.undated;
    return true;
}

void EntryBuilder::close() {
    // Say how often each unknown name occurred, on its first warning.
    for (auto& [name, u] : m_unknown_names) {
        if (u.count > 1) m_case.diagnostics.at(u.diagnostic).message += " (" + std::to_string(u.count) + " times in this file)";
    }
    // A source read in parts (a Word document's chronology tables) adds each part's counts.
    m_case.sources[index_of(m_source)].counts += m_counts;
    m_counts = {};
}

std::vector<std::string_view> EntryBuilder::split_list(std::string_view cell) {
    std::vector<std::string_view> out;
    for_each_item(cell, [&](std::string_view part) { out.push_back(part); });
    return out;
}

}  // namespace sightline::formats::detail
