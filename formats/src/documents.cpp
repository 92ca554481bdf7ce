// The overview report and the learning-event pack, written once on the Document interface and
// saved as HTML or Word.
//
// [SECTION] Pictures
// [SECTION] Sections
// [SECTION] The overview report
// [SECTION] The learning-event pack
#include "sightline/formats/documents.hpp"

#include <algorithm>
#include <memory>

#include "docx_document.hpp"
#include "html_document.hpp"
#include "sightline/engine/genogram.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/engine/text.hpp"
#include "sightline/engine/timeline.hpp"
#include "sightline/formats/check_report.hpp"
#include "sightline/formats/columns.hpp"
#include "sightline/formats/episodes_report.hpp"

namespace sightline::formats {

using namespace sightline::engine;

bool is_word_path(const std::string& path) {
    return path.size() >= 5 && (path.compare(path.size() - 5, 5, ".docx") == 0 || path.compare(path.size() - 5, 5, ".DOCX") == 0);
}

// [SECTION] Pictures

Picture case_timeline_picture(const Case& c, const std::vector<Finding>& findings, std::int32_t from_day,
                              std::int32_t to_day, float width, const std::string& title) {
    const TimelineModel model = build_timeline(c, LaneGrouping::Area);
    const TimelineOverlays overlays = build_overlays(c, findings);
    TimelineView view;
    if (from_day != 0 || to_day != 0) {
        // A margin of a tenth either side, so the range's edges show.
        const std::int64_t t0 = day_seconds(from_day), t1 = day_seconds(to_day + 1);
        const std::int64_t margin = std::max<std::int64_t>((t1 - t0) / 10, k_seconds_per_day);
        view.v0 = t0 - margin;
        view.v1 = t1 + margin;
    }
    view.width = width;
    view.title = title;
    return timeline_picture(c, model, overlays, view);
}

std::vector<std::int32_t> key_dates(const Case& c, const std::vector<Finding>& findings,
                                    const std::vector<EpisodeView>& views) {
    std::vector<std::int32_t> days;
    for (const Finding& f : findings)
        if (const auto* m = f.as<MoveFinding>(); m && m->date) days.push_back(f.from_day);
    for (const EpisodeView& v : views) {
        days.push_back(v.from_day);
        days.push_back(v.to_day);
    }
    std::sort(days.begin(), days.end());
    days.erase(std::unique(days.begin(), days.end()), days.end());
    if (days.empty()) {
        if (c.info.scope_to) days.push_back(c.info.scope_to->latest_day());
        else if (!c.chronology.entries.empty()) days.push_back(c.chronology.entries.back().date.latest_day());
    }
    return days;
}

namespace {

std::unique_ptr<detail::Document> document_for(const std::string& path) {
    if (is_word_path(path)) return std::make_unique<detail::WordDocument>(true);
    return std::make_unique<detail::HtmlDocument>();
}

void genogram(detail::Document& doc, const Case& c, const GenogramLayout& layout, std::int32_t day,
              const std::string& caption) {
    doc.picture(genogram_picture(c, layout, genogram_at(layout, c, day)), caption);
}

// [SECTION] Sections

const Entry& entry_at(const Case& c, EntryIndex i) { return c.chronology.entries[index_of(i)]; }

// The entries a finding rests on: date, agency, type, where it came from, and its words.
detail::DocumentTable evidence_table(const Case& c, const EntryList& entries) {
    detail::DocumentTable t;
    t.header = {"Date", "Agency", "Type", "Source", "Summary"};
    t.widths = {10, 14, 10, 18, 48};
    t.small = true;
    for (const EntryIndex i : entries) {
        const Entry& e = entry_at(c, i);
        t.rows.push_back({format_date(e.date), std::string(c.agency_name(e.agency)), type_text(e), source_text(c, e),
                          excerpt(e.summary, 240)});
    }
    return t;
}

void summary(detail::Document& doc, const Case& c, const std::vector<Finding>& findings) {
    for (const std::string& line : check_overview(c, findings)) doc.paragraph(line);
    doc.heading("Summary", 2);
    const std::vector<std::string> points = summary_points(c, findings);
    for (const std::string& p : points) doc.bullet(p);
    if (points.empty()) doc.paragraph("Nothing of concern was found.");
}

void findings_of_concern(detail::Document& doc, const Case& c, const std::vector<Finding>& findings) {
    doc.heading("Findings of concern", 2);
    doc.paragraph("Each finding with the entries it rests on (date, agency and where the line came from in the "
                  "agency's return).", true);
    std::size_t n = 0;
    for (const Finding& f : findings) {
        if (!f.concern) continue;
        doc.heading(std::to_string(++n) + ". " + f.message, 3);
        if (!f.entries.empty()) {
            // A long list (every contact of a year) is cut to its first 25 with a count.
            EntryList shown(f.entries.begin(), f.entries.begin() + static_cast<std::ptrdiff_t>(std::min<std::size_t>(f.entries.size(), 25)));
            doc.table(evidence_table(c, shown));
            if (shown.size() < f.entries.size())
                doc.paragraph("... and " + std::to_string(f.entries.size() - shown.size()) + " more entries (see the chronology).", true);
        }
    }
    if (n == 0) doc.paragraph("None.");
}

void seen_recording(detail::Document& doc, const Case& c, const std::vector<Finding>& findings) {
    doc.heading("How each agency recorded whether the child was seen", 2);
    bool any = false;
    for (const PersonId child : c.info.index_children) {
        detail::DocumentTable t;
        t.header = {"Agency", "Contacts", "Not recorded", "Seen", "Seen alone", "Views sought"};
        t.widths = {30, 10, 14, 10, 10, 12};
        for (const Finding& f : findings) {
            const auto* r = f.as<SeenRecordingFinding>();
            if (!r || f.child != child) continue;
            t.rows.push_back({r->agency, std::to_string(r->contacts),
                              std::to_string(r->not_recorded) + " (" + std::to_string(r->not_recorded_percent) + "%)",
                              std::to_string(r->seen), std::to_string(r->seen_alone),
                              r->views_applicable == 0 ? std::string("-")
                                                       : std::to_string(r->views_sought) + "/" + std::to_string(r->views_applicable)});
            t.fills.push_back(std::vector<std::uint32_t>(t.header.size(), f.concern ? 0xFFEB9C : k_no_colour));
        }
        if (t.rows.empty()) continue;
        any = true;
        doc.heading(c.person(child).name, 3);
        for (const Finding& f : findings)
            if (f.child == child && f.kind() == FindingKind::Sightings) doc.paragraph(f.message);
        doc.table(t);
    }
    if (!any) doc.paragraph("No agency's recording to show.");
}

void transfers(detail::Document& doc, const Case& c, const std::vector<Finding>& findings) {
    doc.heading("Moves and transfers", 2);
    std::size_t moves = 0;
    for (std::size_t k = 0; k < findings.size(); ++k) {
        if (findings[k].kind() != FindingKind::Move) continue;
        ++moves;
        doc.paragraph(findings[k].message);
        detail::DocumentTable t;
        t.header = {"Agency kind", "Status", "Days", "Threshold", "First contact in the new area"};
        t.widths = {16, 8, 6, 12, 58};
        for (std::size_t j = k + 1; j < findings.size() && findings[j].kind() == FindingKind::Transfer; ++j) {
            const TransferFinding& tr = *findings[j].as<TransferFinding>();
            std::string first = "none";
            if (tr.first_contact) {
                const Entry& e = entry_at(c, *tr.first_contact);
                first = format_date(e.date) + " " + std::string(c.agency_name(e.agency)) + ", " + type_text(e) + " [" +
                        source_text(c, e) + "]";
            }
            t.rows.push_back({std::string(label(tr.agency_kind)), std::string(to_string(tr.status)),
                              tr.first_contact_days ? std::to_string(*tr.first_contact_days) : std::string("-"),
                              std::to_string(tr.threshold) + " " + std::string(to_string(tr.threshold_unit)), first});
            const std::uint32_t colour = tr.status == TransferStatus::Ok ? 0xC6EFCE : 0xF5B7B1;
            t.fills.push_back({k_no_colour, colour});
        }
        if (!t.rows.empty()) doc.table(t);
    }
    if (moves == 0) doc.paragraph("No moves between areas.");
    for (const Finding& f : findings)
        if (f.kind() == FindingKind::MisroutedNotification) doc.bullet(f.message);
}

// Who knew what by the episode's end, as a grid: risk events down, the episode's agencies across.
void knowledge_grid(detail::Document& doc, const Case& c, const EpisodeView& v) {
    const std::vector<std::size_t> columns = grid_columns(c, v);
    if (v.risks.empty() || columns.empty()) {
        doc.paragraph("No risk events were recorded from a year before the episode to its end.");
        return;
    }
    doc.paragraph("Risk events from a year before the episode to its end, and the day each agency in contact during "
                  "it could first have known of them (recorded: its own record; -: not by the end).", true);
    detail::DocumentTable t;
    t.header.push_back("Risk event");
    t.widths.push_back(34);
    for (const std::size_t a : columns) {
        t.header.emplace_back(c.agency_name(v.agencies[a].agency));
        t.widths.push_back(66.0 / static_cast<double>(columns.size()));
    }
    t.small = true;
    for (const EpisodeRisk& r : v.risks) {
        std::vector<std::string> row{risk_label(c, entry_at(c, r.event))};
        std::vector<std::uint32_t> fills{k_no_colour};
        for (const std::size_t a : columns) {
            row.push_back(grid_cell(c, v, r, a));
            fills.push_back(r.known_from[a] ? 0xD5F5E3 : 0xFADBD8);
        }
        t.rows.push_back(std::move(row));
        t.fills.push_back(std::move(fills));
    }
    doc.table(t);
}

std::string episode_title(const Case& c, const EpisodeView& v, std::size_t n) {
    const KeyEpisode& ep = c.notes.episodes[v.episode];
    return std::to_string(n + 1) + ". " + (ep.title.empty() ? std::string("Untitled episode") : ep.title);
}

std::string episode_dates(const Case& c, const EpisodeView& v) {
    const KeyEpisode& ep = c.notes.episodes[v.episode];
    return format_day(v.from_day) + " to " + format_day(v.to_day) + " (" + std::to_string(v.to_day - v.from_day + 1) +
           " days)." + (ep.note.empty() ? "" : " " + ep.note);
}

void episode_findings(detail::Document& doc, const std::vector<Finding>& findings, const EpisodeView& v) {
    if (v.findings.empty()) doc.paragraph("No finding of concern in this episode.");
    for (const std::uint32_t f : v.findings) doc.bullet(findings[f].message);
}

}  // namespace

// [SECTION] The overview report

void write_overview_report(const Case& c, const std::vector<Finding>& findings, const std::vector<EpisodeView>& views,
                           const std::string& path) {
    const auto doc = document_for(path);
    doc->heading("Overview: " + c.info.title, 1);
    summary(*doc, c, findings);

    doc->page_break();
    doc->heading("The timeline", 2);
    doc->picture(case_timeline_picture(c, findings), "Every agency's entries by area, each index child's sightings and "
                                                     "unseen periods, findings of concern, moves and key practice episodes.");

    const std::vector<std::int32_t> days = key_dates(c, findings, views);
    if (!c.people.empty() && !days.empty()) {
        doc->page_break();
        doc->heading("The family at the key dates", 2);
        doc->paragraph("The genogram at each move and at the start and end of each key practice episode.", true);
        const GenogramLayout layout = compute_layout(c);
        for (const std::int32_t day : days) genogram(*doc, c, layout, day, "At " + format_day(day));
    }

    doc->page_break();
    findings_of_concern(*doc, c, findings);
    doc->page_break();
    seen_recording(*doc, c, findings);
    transfers(*doc, c, findings);

    doc->page_break();
    doc->heading("Who knew what at each key practice episode", 2);
    if (views.empty()) doc->paragraph("No key practice episodes in notes.yaml.");
    for (std::size_t n = 0; n < views.size(); ++n) {
        doc->heading(episode_title(c, views[n], n), 3);
        doc->paragraph(episode_dates(c, views[n]));
        knowledge_grid(*doc, c, views[n]);
    }
    doc->save(path);
}

// [SECTION] The learning-event pack

void write_episodes_pack(const Case& c, const std::vector<Finding>& findings, const std::vector<EpisodeView>& views,
                         const std::string& path) {
    const auto doc = document_for(path);
    doc->heading("Key practice episodes: " + c.info.title, 1);
    if (views.empty()) {
        doc->paragraph("No key practice episodes yet. Add each one to notes.yaml beside case.yaml, in a list "
                       "under episodes, with a title and the dates it runs from and to, for example "
                       "{title: \"The first move\", from: 2015-06-21, to: 2015-10-12}.");
        doc->save(path);
        return;
    }
    doc->paragraph(std::to_string(views.size()) + (views.size() == 1 ? " episode" : " episodes") +
                   ", one to a page: the timeline cut to the episode, the family at its start and end, its findings "
                   "of concern and who knew what by its end.");
    const GenogramLayout layout = compute_layout(c);
    for (std::size_t n = 0; n < views.size(); ++n) {
        const EpisodeView& v = views[n];
        if (n > 0) doc->page_break();
        doc->heading(episode_title(c, v, n), 2);
        doc->paragraph(episode_dates(c, v));
        doc->picture(case_timeline_picture(c, findings, v.from_day, v.to_day, 1600), "The timeline, " + format_day(v.from_day) +
                                                                                   " to " + format_day(v.to_day));
        for (const EpisodeChild& ch : v.children) doc->bullet(child_in_episode(c, v, ch));
        doc->heading("Findings of concern", 3);
        episode_findings(*doc, findings, v);
        doc->page_break();
        doc->heading(episode_title(c, v, n) + ": the family", 3);
        if (!c.people.empty()) {
            genogram(*doc, c, layout, v.from_day, "At the start, " + format_day(v.from_day));
            genogram(*doc, c, layout, v.to_day, "At the end, " + format_day(v.to_day));
        }
        doc->heading("Who knew what by " + format_day(v.to_day), 3);
        knowledge_grid(*doc, c, v);
    }
    doc->save(path);
}

}  // namespace sightline::formats
