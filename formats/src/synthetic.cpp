// Generated cases and corpora, written as a reviewer would receive them.
//
// [SECTION] CSV cells
// [SECTION] A realistic case
// [SECTION] A bulk corpus
#include "sightline/formats/synthetic.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <filesystem>

#include "sightline/engine/merge.hpp"
#include "sightline/engine/parallel.hpp"
#include "sightline/formats/agency_writer.hpp"
#include "sightline/formats/case_writer.hpp"
#include "sightline/formats/check_report.hpp"
#include "sightline/formats/io.hpp"
#include "sightline/formats/json.hpp"

namespace sightline::formats {

using namespace sightline::engine;
namespace fs = std::filesystem;

namespace {

// [SECTION] CSV cells

void append_cell(std::string& out, std::string_view cell) {
    if (cell.find_first_of(",\"\r\n") == std::string_view::npos) {
        out.append(cell);
        return;
    }
    out.push_back('"');
    for (char ch : cell) {
        if (ch == '"') out.push_back('"');
        out.push_back(ch);
    }
    out.push_back('"');
}

// "24/06/2015" for a local day.
void append_uk_day(std::string& out, std::int32_t day) {
    const std::string iso = format_day(day);
    out.append(iso, 8, 2).append("/").append(iso, 5, 2).append("/").append(iso, 0, 4);
}

// "14:30" for a minute of the day.
void append_clock(std::string& out, int minute) {
    const char text[5] = {static_cast<char>('0' + minute / 600), static_cast<char>('0' + minute / 60 % 10), ':',
                          static_cast<char>('0' + minute % 60 / 10), static_cast<char>('0' + minute % 10)};
    out.append(text, 5);
}

std::string_view seen_cell(ChildSeen v) {
    switch (v) {
        case ChildSeen::Seen: return "Y";
        case ChildSeen::SeenAlone: return "seen_alone";
        case ChildSeen::NotSeen: return "N";
        case ChildSeen::NotRecorded: break;
    }
    return "";
}

// "agencies/001-eastmere-police.mapping.yaml" beside "agencies/001-eastmere-police.csv".
std::string mapping_file(const CorpusAgency& a) {
    return fs::path(a.file).replace_extension(".mapping.yaml").generic_string();
}

// [SECTION] A realistic case

// One agency's entries as its spreadsheet export: UK dates, a time column, labels for types.
void write_agency_csv(const Case& c, SourceId source, std::string& out) {
    const Chronology& ch = c.chronology;
    std::vector<const Entry*> entries;
    for (const Entry& e : ch.entries)
        if (e.where.source == source) entries.push_back(&e);
    std::stable_sort(entries.begin(), entries.end(), [](const Entry* a, const Entry* b) { return a->where.line < b->where.line; });
    const bool per_child = c.info.index_children.size() > 1;
    out += "Ref,Date,Time,Seq,Type,Summary,People involved,";
    if (per_child) {
        for (PersonId p : c.info.index_children) out += "Seen " + c.person(p).name + ",";
    } else {
        out += "Child seen,";
    }
    out += "Informed,Area,Officer,Tags\r\n";
    for (const Entry* ep : entries) {
        const Entry& e = *ep;
        append_cell(out, e.ref);
        out.push_back(',');
        append_uk_day(out, e.date.earliest_day());
        out.push_back(',');
        if (e.date.first.precision == Precision::Minute) {
            append_clock(out, e.date.first.hour * 60 + e.date.first.minute);
        }
        out.push_back(',');
        if (e.seq) out += std::to_string(e.seq);
        out.push_back(',');
        append_cell(out, label(e.type));
        out.push_back(',');
        append_cell(out, e.summary);
        out.push_back(',');
        std::string people;
        for (const SubjectRef& s : ch.subjects_of(e)) people += (people.empty() ? "" : "; ") + std::string(s.text);
        append_cell(out, people);
        out.push_back(',');
        for (std::size_t k = 0; k < (per_child ? c.info.index_children.size() : 1); ++k) {
            out += seen_cell(ch.seen(e, k));
            out.push_back(',');
        }
        std::string informed;
        for (AgencyId a : ch.to_of(e)) informed += (informed.empty() ? "" : "; ") + std::string(c.agency_name(a));
        append_cell(out, informed);
        out.push_back(',');
        append_cell(out, c.area_name(e.area));
        out.push_back(',');
        append_cell(out, e.practitioner);
        out.push_back(',');
        std::string tags;
        for (std::string_view t : ch.tags_of(e)) tags += (tags.empty() ? "" : "; ") + std::string(t);
        append_cell(out, tags);
        out += "\r\n";
    }
}

}  // namespace

void write_truth_json(const SyntheticCase& s, std::uint64_t seed, std::string& out) {
    JsonWriter w(out);
    w.begin_object();
    w.field("sightline", 1);
    w.field("case", s.c.info.title);
    w.field("seed", seed);
    w.key("findings");
    w.begin_array(true);
    for (const Finding& f : s.truth) write_finding_json(s.c, f, w, truth_states);
    w.end_array();
    w.end_object();
    out.push_back('\n');
}

void write_synthetic_case(const SyntheticCase& s, const std::string& dir, std::uint64_t seed) {
    const Case& c = s.c;
    fs::create_directories(fs::path(dir) / "agencies");
    std::vector<ManifestSource> items;
    for (std::size_t i = 0; i < c.sources.size(); ++i) {
        const Source& src = c.sources[i];
        const auto id = static_cast<SourceId>(i);
        std::string text;
        ManifestSource item{src.path, {}, {}};
        if (src.format == "csv") {
            write_agency_csv(c, id, text);
            item.agency = std::string(c.agency_name(src.agency));
            if (c.info.index_children.size() > 1) {
                // A column per child: the mapping says which child each is.
                std::string mapping = "# Which child each 'Seen' column is about.\ncolumns:\n  child_seen:\n";
                for (PersonId p : c.info.index_children)
                    mapping += "    " + c.person(p).id + ": \"Seen " + c.person(p).name + "\"\n";
                item.mapping = fs::path(src.path).replace_extension(".mapping.yaml").generic_string();
                write_file_atomic((fs::path(dir) / item.mapping).string(), mapping);
            }
        } else {
            Diagnostics problems;
            write_agency_yaml(c, id, text, problems);
            // The writer's first line says where an import came from; here it was generated.
            text = "# Written by sightline generate: fictional records." + text.substr(text.find('\n'));
        }
        write_file_atomic((fs::path(dir) / src.path).string(), text);
        items.push_back(std::move(item));
    }
    std::string manifest = "# A synthetic case written by `sightline generate --case --seed " + std::to_string(seed) +
                           "`: fictional people and records.\n";
    write_manifest_yaml(c, items, manifest);
    write_file_atomic((fs::path(dir) / "case.yaml").string(), manifest);
    std::string truth;
    write_truth_json(s, seed, truth);
    write_file_atomic((fs::path(dir) / "truth.json").string(), truth);
    std::string readme = "# " + c.info.title + "\n\nA fictional case written by `sightline generate --case --seed " +
                         std::to_string(seed) + "` (" + std::to_string(c.chronology.entries.size()) + " entries from " +
                         std::to_string(c.sources.size()) + " sources). What the story planted:\n\n" + s.story +
                         "\n`truth.json` lists every finding of the planted kinds that the analyses must make on it "
                         "(unseen periods, gaps, moves, transfers, misrouted notifications, adults known only to police or "
                         "housing, incidents recorded by several agencies), computed from the generator's own record by the "
                         "definitions in docs/analyses.md. `sightline check` reports more (patterns, who knew what, "
                         "discrepancies, figures per agency): compare the findings of these kinds, not the counts.\n";
    write_file_atomic((fs::path(dir) / "README.md").string(), readme);
}

// [SECTION] A bulk corpus

namespace {

// A time of day in an agency's own style: 14:30, 14.30, 1430hrs, 2.30pm.
void append_time(std::string& out, int minute, CorpusTimeStyle style) {
    const int h = minute / 60, m = minute % 60;
    char text[16];
    switch (style) {
        case CorpusTimeStyle::Colon: std::snprintf(text, sizeof text, "%02d:%02d", h, m); break;
        case CorpusTimeStyle::Dot: std::snprintf(text, sizeof text, "%02d.%02d", h, m); break;
        case CorpusTimeStyle::Hours: std::snprintf(text, sizeof text, "%02d%02dhrs", h, m); break;
        case CorpusTimeStyle::Meridiem:
            std::snprintf(text, sizeof text, "%d.%02d%s", h % 12 == 0 ? 12 : h % 12, m, h < 12 ? "am" : "pm");
            break;
    }
    out += text;
}

// A YAML double-quoted scalar (the corpus's words have no quotes or backslashes to escape).
std::string quoted_yaml(std::string_view text) { return "\"" + std::string(text) + "\""; }

// The mapping file that comes with one agency's realistic return: its agency, kind and area,
// which column holds what, and what its child-seen words and its names of people mean.
std::string corpus_mapping(const CorpusAgency& a, const CorpusLayout& l) {
    static constexpr std::array<std::string_view, k_corpus_columns> k_fields = {
        "ref", "date", "time", "type", "summary", "subjects", "child_seen", "practitioner", "to"};
    std::string out = "# How to read " + a.file.substr(a.file.rfind('/') + 1) + ", the chronology " + a.name +
                      " sent (written by sightline generate: fictional records).\n";
    out += "agency: " + quoted_yaml(a.name) + "\n";
    out += "kind: " + std::string(to_string(a.kind)) + "\n";
    out += "area: " + quoted_yaml(a.area) + "\n";
    out += "date_order: dmy\n";
    out += "columns:\n";
    for (std::size_t k = 0; k < k_corpus_columns; ++k) {
        out += "  " + std::string(k_fields[k]) + ": " + quoted_yaml(l.headers[k]);
        if (static_cast<CorpusColumn>(k) == CorpusColumn::People) {
            out += "  # names separated by '";
            for (char ch : l.people_separator)
                if (ch != ' ') out.push_back(ch);
            out += "'";
        }
        out += "\n";
    }
    out += "values:\n";
    static constexpr std::array<std::string_view, 4> k_seen = {"seen", "seen_alone", "not_seen", "not_recorded"};
    out += "  child_seen: {";
    for (std::size_t k = 0; k < k_seen.size(); ++k)
        out += (k ? ", " : "") + quoted_yaml(l.seen_words[k]) + ": " + std::string(k_seen[k]);
    out += "}\n";
    const auto people = corpus_people();
    out += "  subjects: {";
    for (std::size_t k = 0; k < people.size(); ++k)
        out += (k ? ", " : "") + quoted_yaml(l.people[k]) + ": " + std::string(people[k].first);
    out += "}\n";
    return out;
}

// A standard row's people ("Mum; Mr Z; Baby A") as the agency names them, with its separator.
void append_people(std::string& out, std::string_view standard, const CorpusLayout& l) {
    const auto people = corpus_people();
    std::string cell;
    for (std::size_t at = 0; at < standard.size();) {
        std::size_t end = standard.find("; ", at);
        if (end == std::string_view::npos) end = standard.size();
        const std::string_view name = standard.substr(at, end - at);
        for (std::size_t k = 0; k < people.size(); ++k)
            if (people[k].second == name) cell.append(cell.empty() ? "" : l.people_separator).append(l.people[k]);
        at = end + 2;
    }
    append_cell(out, cell);
}

// Ends a row, and hands the rows to the file once they make a megabyte.
void end_row(AtomicFile& file, std::string& buf, std::uint64_t& written, std::uint64_t& n) {
    buf += "\r\n";
    ++n;
    if (buf.size() > (1u << 20)) {
        file.write(buf);
        written += buf.size();
        buf.clear();
    }
}

// One agency's rows as its realistic return: its columns, in record order, times in its style.
void write_realistic_rows(const CorpusOptions& options, std::uint32_t a, AtomicFile& file, std::string& buf,
                          std::uint64_t& written, std::uint64_t& n) {
    const CorpusLayout l = corpus_layout(a);
    for (std::size_t k = 0; k < k_corpus_columns; ++k) {
        if (k) buf.push_back(',');
        append_cell(buf, l.headers[static_cast<std::size_t>(l.order[k])]);
    }
    buf += "\r\n";
    CorpusRows gen(options, a);
    std::vector<CorpusRow> rows(static_cast<std::size_t>(options.rows));
    for (CorpusRow& row : rows) gen.next(row);
    const std::vector<std::uint32_t> order = corpus_file_order(options, a);
    char number[32];
    for (std::size_t at = 0; at < order.size(); ++at) {
        const CorpusRow& row = rows[order[at]];
        for (std::size_t k = 0; k < k_corpus_columns; ++k) {
            if (k) buf.push_back(',');
            switch (l.order[k]) {
                case CorpusColumn::Ref:
                    std::snprintf(number, sizeof number, "%07llu", static_cast<unsigned long long>(at + 1));
                    buf.append(l.ref_prefix).append(number);
                    break;
                case CorpusColumn::Date: append_uk_day(buf, row.day); break;
                case CorpusColumn::Time:
                    if (row.timed) append_time(buf, row.minute, l.time_style);
                    break;
                case CorpusColumn::Type: append_cell(buf, row.type); break;
                case CorpusColumn::Details: append_cell(buf, row.details); break;
                case CorpusColumn::People: append_people(buf, row.people, l); break;
                case CorpusColumn::ChildSeen:
                    append_cell(buf, l.seen_words[row.child_seen == "Y" ? (row.alone ? 1 : 0) : row.child_seen == "N" ? 2 : 3]);
                    break;
                case CorpusColumn::Worker: buf.append(l.worker_prefix).append(std::to_string(row.worker)); break;
                case CorpusColumn::Informed: append_cell(buf, row.informed); break;
            }
        }
        end_row(file, buf, written, n);
    }
}

}  // namespace

CorpusWritten write_corpus(const CorpusOptions& options, const std::string& dir, unsigned threads) {
    fs::create_directories(fs::path(dir) / "agencies");
    const std::vector<CorpusAgency> agencies = corpus_agencies(options);
    const bool realistic = options.shape == CorpusShape::Realistic;
    std::atomic<std::uint64_t> bytes{0}, rows{0};
    // An agency's file on whichever thread is free; an error writing one reaches the caller.
    parallel_for(agencies.size(), std::max(1u, threads), [&](std::size_t item) {
        const auto a = static_cast<std::uint32_t>(item);
        std::string buf;
        CorpusRow row;
        if (realistic) {
            AtomicFile file((fs::path(dir) / agencies[a].file).string());
            buf.clear();
            std::uint64_t written = 0, n = 0;
            write_realistic_rows(options, a, file, buf, written, n);
            file.write(buf);
            written += buf.size();
            file.commit();
            write_file_atomic((fs::path(dir) / mapping_file(agencies[a])).string(),
                              corpus_mapping(agencies[a], corpus_layout(a)));
            bytes += written;
            rows += n;
            return;
        }
        AtomicFile file((fs::path(dir) / agencies[a].file).string());
        buf = "Ref,Date,Time,Type,Details,People involved,Child seen?,Practitioner,Informed\r\n";
        CorpusRows gen(options, a);
        char ref[32];
        std::uint64_t written = 0, n = 0;
        while (gen.next(row)) {
            std::snprintf(ref, sizeof ref, "A%03u-%07llu,", a + 1, static_cast<unsigned long long>(row.number));
            buf += ref;
            append_uk_day(buf, row.day);
            buf.push_back(',');
            append_clock(buf, row.minute);
            buf.push_back(',');
            buf.append(row.type).push_back(',');
            append_cell(buf, row.details);
            buf.push_back(',');
            buf.append(row.people).push_back(',');
            buf.append(row.child_seen);
            buf += ",W";
            buf += std::to_string(row.worker);
            buf.push_back(',');
            append_cell(buf, row.informed);
            end_row(file, buf, written, n);
        }
        file.write(buf);
        written += buf.size();
        file.commit();
        bytes += written;
        rows += n;
    });

    // The manifest: the people rows name, every agency with its kind and area, one source each;
    // in the realistic shape no agency (their mapping files name them), a mapping per source.
    Case c;
    c.info.title = "Corpus: " + std::to_string(options.agencies) + " agencies x " + std::to_string(options.rows) + " rows";
    if (realistic) c.info.title += ", as agencies send them";
    c.info.date_order = DateOrder::Dmy;
    for (const auto& [id, name] : corpus_people()) {
        Person p;
        p.id = std::string(id);
        p.name = std::string(name);
        c.add_person(std::move(p));
    }
    c.info.index_children = {static_cast<PersonId>(0)};
    std::vector<ManifestSource> items;
    for (const CorpusAgency& a : agencies) {
        if (realistic) {
            items.push_back({a.file, {}, mapping_file(a)});
            continue;
        }
        Agency& agency = c.agencies[index_of(c.intern_agency(a.name))];
        agency.registered = true;
        agency.kind = a.kind;
        agency.area = c.intern_area(a.area);
        items.push_back({a.file, a.name, {}});
    }
    std::string manifest = "# A bulk corpus written by `sightline generate --corpus" +
                           std::string(realistic ? " --shape realistic" : "") + " --agencies " + std::to_string(options.agencies) +
                           " --rows " + std::to_string(options.rows) + " --years " + std::to_string(options.years) +
                           " --seed " + std::to_string(options.seed) + "`.\n";
    write_manifest_yaml(c, items, manifest);
    write_file_atomic((fs::path(dir) / "case.yaml").string(), manifest);
    return {bytes.load(), rows.load()};
}

}  // namespace sightline::formats
