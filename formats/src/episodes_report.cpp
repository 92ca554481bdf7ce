// `sightline episodes` output (see episodes_report.hpp).
#include "sightline/formats/episodes_report.hpp"

#include "sightline/engine/merge.hpp"
#include "sightline/engine/text.hpp"
#include "sightline/formats/chronology_writer.hpp"
#include "sightline/formats/columns.hpp"
#include "sightline/formats/json.hpp"

namespace sightline::formats {

using namespace sightline::engine;

namespace {

// Text safe inside a Markdown table cell.
std::string cell(std::string_view text) {
    std::string out;
    append_markdown_cell(out, text);
    return out;
}

std::string times(std::uint32_t n) { return n == 1 ? "once" : n == 2 ? "twice" : std::to_string(n) + " times"; }

}  // namespace

std::string risk_label(const Case& c, const Entry& e) {
    return format_date(e.date) + " " + std::string(c.agency_name(e.agency)) + ": " + type_text(e) + " (\"" + excerpt(e.summary, 60) + "\")";
}

std::vector<std::size_t> grid_columns(const Case& c, const EpisodeView& v) {
    std::vector<std::size_t> out;
    for (std::size_t a = 0; a < v.agencies.size(); ++a)
        if (c.agency(v.agencies[a].agency).kind != AgencyKind::Family) out.push_back(a);
    return out;
}

std::string grid_cell(const Case& c, const EpisodeView& v, const EpisodeRisk& r, std::size_t a) {
    const Entry& e = c.chronology.entries[index_of(r.event)];
    if (!r.known_from[a]) return "-";
    if (v.agencies[a].agency == e.agency) return "recorded";
    return format_day(*r.known_from[a]);
}

std::string child_in_episode(const Case& c, const EpisodeView& v, const EpisodeChild& ch) {
    const Person& p = c.person(ch.child);
    std::string out = p.name + ": " +
                      (ch.sightings == 0 ? "not seen by a professional" : "seen by a professional " + times(ch.sightings)) +
                      " in the episode";
    if (ch.not_seen > 0) out += "; recorded as not seen at " + std::to_string(ch.not_seen) + (ch.not_seen == 1 ? " contact" : " contacts");
    if (ch.last_seen)
        out += "; last seen " + format_day(*ch.last_seen) +
               (*ch.last_seen < v.to_day ? ", " + std::to_string(v.to_day - *ch.last_seen) + " days before the episode ended" : "");
    else
        out += "; no professional sighting recorded by its end";
    return out;
}

void write_episodes_markdown(const Case& c, const std::vector<Finding>& findings, const std::vector<EpisodeView>& views,
                             std::string& out) {
    const auto& entries = c.chronology.entries;
    out += "# Key practice episodes: " + cell(c.info.title) + "\n\n";
    if (c.notes.episodes_unreadable > 0)
        out += std::to_string(c.notes.episodes_unreadable) +
               (c.notes.episodes_unreadable == 1 ? " episode" : " episodes") +
               " in notes.yaml could not be read and " + (c.notes.episodes_unreadable == 1 ? "is" : "are") +
               " left out: correct the dates named in the errors (`sightline check` lists them), for example "
               "`from: 2015-06-21`.\n\n";
    if (c.notes.episodes.empty()) {
        if (c.notes.episodes_unreadable > 0) return;
        out += "No key practice episodes yet. Add them to notes.yaml beside case.yaml, for example:\n\n"
               "```yaml\nepisodes:\n  - {title: \"The first move\", from: 2015-06-21, to: 2015-10-12, note: \"...\"}\n```\n";
        return;
    }
    for (std::size_t n = 0; n < views.size(); ++n) {
        const EpisodeView& v = views[n];
        const KeyEpisode& ep = c.notes.episodes[v.episode];
        out += "## " + std::to_string(n + 1) + ". " + cell(ep.title.empty() ? "Untitled episode" : ep.title) + "\n\n";
        out += format_day(v.from_day) + " to " + format_day(v.to_day) + " (" + std::to_string(v.to_day - v.from_day + 1) +
               " days)." + (ep.note.empty() ? "" : " " + ep.note) + "\n\n";

        out += "### Records\n\n";
        if (v.entries.empty()) {
            out += "No agency recorded anything in this episode.\n\n";
        } else {
            std::size_t professional_agencies = 0, professional = 0, family = 0;
            for (const EpisodeAgency& a : v.agencies) {
                if (c.agency(a.agency).kind == AgencyKind::Family) {
                    family += a.contacts;
                } else {
                    ++professional_agencies;
                    professional += a.contacts;
                }
            }
            out += std::to_string(professional) + (professional == 1 ? " record" : " records") + " by " +
                   std::to_string(professional_agencies) + (professional_agencies == 1 ? " agency" : " agencies");
            if (family > 0) out += ", and " + std::to_string(family) + (family == 1 ? " family account" : " family accounts");
            out += ".\n\n| Agency | Records | Saw a child |\n|---|---:|---:|\n";
            for (const EpisodeAgency& a : v.agencies) {
                const bool is_family = c.agency(a.agency).kind == AgencyKind::Family;
                // What relatives say they saw is never a professional sighting: no count for them.
                out += "| " + cell(c.agency_name(a.agency)) + (is_family ? " (family account)" : "") + " | " +
                       std::to_string(a.contacts) + " | " + (is_family ? std::string("-") : std::to_string(a.saw_a_child)) + " |\n";
            }
            out += "\n";
        }

        if (!v.children.empty()) {
            out += "### The children\n\n";
            for (const EpisodeChild& ch : v.children) out += "- " + child_in_episode(c, v, ch) + ".\n";
            out += "\n";
        }

        out += "### Findings of concern in this episode\n\n";
        if (v.findings.empty()) out += "None.\n";
        for (const std::uint32_t f : v.findings) out += "- " + findings[f].message + "\n";
        out += "\n";

        out += "### Who knew what by " + format_day(v.to_day) + "\n\n";
        const std::vector<std::size_t> columns = grid_columns(c, v);
        if (v.risks.empty() || columns.empty()) {
            out += "No risk events were recorded from a year before the episode to its end.\n\n";
            continue;
        }
        out += "Risk events from a year before the episode to its end, and the day each agency in contact during it "
               "could first have known of them (\"recorded\": its own record; \"-\": not by the end). Family accounts are left out.\n\n";
        out += "| Risk event |";
        for (const std::size_t a : columns) out += " " + cell(c.agency_name(v.agencies[a].agency)) + " |";
        out += "\n|---|";
        for (std::size_t k = 0; k < columns.size(); ++k) out += "---|";
        out += "\n";
        for (const EpisodeRisk& r : v.risks) {
            const Entry& e = entries[index_of(r.event)];
            out += "| " + cell(risk_label(c, e)) + " |";
            for (const std::size_t a : columns) out += " " + grid_cell(c, v, r, a) + " |";
            out += "\n";
        }
        out += "\n";
    }
}

void write_episodes_json(const Case& c, const std::vector<Finding>& findings, const std::vector<EpisodeView>& views,
                         std::string& out) {
    const auto& entries = c.chronology.entries;
    JsonWriter w(out);
    w.begin_object();
    w.field("sightline", 1);
    w.field("case", c.info.title);
    w.field("episodes_unreadable", static_cast<std::uint64_t>(c.notes.episodes_unreadable));
    w.key("episodes");
    w.begin_array(true);
    for (const EpisodeView& v : views) {
        const KeyEpisode& ep = c.notes.episodes[v.episode];
        w.begin_object();
        w.field("title", ep.title);
        w.field("from", format_day(v.from_day));
        w.field("to", format_day(v.to_day));
        w.field("note", ep.note);
        w.field("entries", static_cast<std::uint64_t>(v.entries.size()));
        w.key("agencies");
        w.begin_array();
        for (const EpisodeAgency& a : v.agencies) {
            w.begin_object();
            w.field("agency", c.agency_name(a.agency));
            w.field("family", c.agency(a.agency).kind == AgencyKind::Family);
            w.field("contacts", a.contacts);
            w.field("saw_a_child", a.saw_a_child);
            w.end_object();
        }
        w.end_array();
        w.key("children");
        w.begin_array();
        for (const EpisodeChild& ch : v.children) {
            w.begin_object();
            w.field("child", c.person(ch.child).id);
            w.field("sightings", ch.sightings);
            w.field("not_seen", ch.not_seen);
            w.key("last_seen");
            if (ch.last_seen) w.value(format_day(*ch.last_seen));
            else w.null();
            w.end_object();
        }
        w.end_array();
        w.key("findings");
        w.begin_array();
        for (const std::uint32_t f : v.findings) w.value(findings[f].message);
        w.end_array();
        w.key("risks");
        w.begin_array();
        for (const EpisodeRisk& r : v.risks) {
            const Entry& e = entries[index_of(r.event)];
            w.begin_object();
            w.field("event", entry_id(e));
            w.field("date", format_date(e.date));
            w.field("agency", c.agency_name(e.agency));
            w.key("known_from");
            w.begin_object();
            for (const std::size_t a : grid_columns(c, v)) {
                w.key(c.agency_name(v.agencies[a].agency));
                if (r.known_from[a]) w.value(format_day(*r.known_from[a]));
                else w.null();
            }
            w.end_object();
            w.end_object();
        }
        w.end_array();
        w.end_object();
    }
    w.end_array();
    w.end_object();
    out += "\n";
}

}  // namespace sightline::formats
