// notes.yaml: reading, checking against the merged case, and writing back atomically.
#include "sightline/formats/notes_file.hpp"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <optional>

#include "sightline/engine/episodes.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/formats/io.hpp"
#include "sightline/formats/review_log.hpp"
#include "yaml_load.hpp"

namespace sightline::formats {

using namespace sightline::engine;
namespace fs = std::filesystem;

namespace {

std::uint32_t line_of(const YAML::Node& n) {
    if (!n.IsDefined()) return 0;
    const YAML::Mark m = n.Mark();
    return m.is_null() ? 0 : static_cast<std::uint32_t>(m.line + 1);
}

std::uint32_t column_of(const YAML::Node& n) {
    if (!n.IsDefined()) return 0;
    const YAML::Mark m = n.Mark();
    return m.is_null() ? 0 : static_cast<std::uint32_t>(m.column + 1);
}

YAML::Node field(const YAML::Node& map, const char* key) {
    if (!map.IsMap()) return YAML::Node();
    const YAML::Node n = map[key];
    return n.IsDefined() ? n : YAML::Node();
}

std::string text(const YAML::Node& n) { return n.IsScalar() ? n.Scalar() : std::string(); }

}  // namespace

std::string notes_path_for(const Case& c) {
    return (fs::path(c.manifest_path).parent_path() / "notes.yaml").generic_string();
}

void read_notes(Case& c, const std::string& path) {
    std::error_code ec;
    if (!fs::exists(path, ec)) return;
    const FileBuffer buf = read_file(path);
    c.notes.file = path;
    auto error = [&](const YAML::Node& at, std::string code, std::string message) {
        c.diagnostics.add(Severity::Error, path, line_of(at), column_of(at), std::move(code), std::move(message));
    };
    const std::optional<YAML::Node> loaded = load_yaml(buf.view(), path, c.diagnostics);
    if (!loaded) return;
    const YAML::Node& root = *loaded;
    if (root.IsNull()) return;
    if (!root.IsMap()) {
        error(root, "field-type", "notes.yaml must be a map (sightline, notes, clusters, episodes)");
        return;
    }
    for (const auto& kv : root) {
        const std::string key = text(kv.first);
        if (key != "sightline" && key != "notes" && key != "clusters" && key != "episodes")
            c.diagnostics.add(Severity::Warning, path, line_of(kv.first), column_of(kv.first), "key-unknown",
                              "unknown key '" + key + "' in notes.yaml; kept but not used");
    }
    auto list = [&](const char* key) {
        const YAML::Node n = field(root, key);
        if (n.IsDefined() && !n.IsNull() && !n.IsSequence()) {
            error(n, "field-type", std::string("'") + key + "' must be a list");
            return YAML::Node();
        }
        return n;
    };
    for (const YAML::Node& n : list("notes")) {
        EntryNote note{text(field(n, "entry")), text(field(n, "text")), line_of(n)};
        if (note.entry_id.empty()) error(n, "field-missing", "note has no 'entry' (the entry's id)");
        else c.notes.notes.push_back(std::move(note));
    }
    for (const YAML::Node& n : list("clusters")) {
        ClusterDecision d;
        d.line = line_of(n);
        const std::string kind = text(field(n, "decision"));
        if (kind == "confirm") d.kind = ClusterDecisionKind::Confirm;
        else if (kind == "split") d.kind = ClusterDecisionKind::Split;
        else {
            error(field(n, "decision").IsDefined() ? field(n, "decision") : n, "value-invalid",
                  "unknown cluster decision '" + kind + "'; expected one of confirm, split");
            continue;
        }
        for (const YAML::Node& id : field(n, "entries")) d.entry_ids.push_back(text(id));
        d.note = text(field(n, "note"));
        if (d.entry_ids.size() < 2) {
            error(n, "field-missing", "a cluster decision needs 'entries' naming at least two entry ids");
            continue;
        }
        c.notes.clusters.push_back(std::move(d));
    }
    for (const YAML::Node& n : list("episodes")) {
        KeyEpisode ep{text(field(n, "title")), text(field(n, "from")), text(field(n, "to")), text(field(n, "note")), line_of(n)};
        // Its dates must read, in order; an episode that cannot be placed is reported (and kept in the file).
        bool ok = true;
        for (const char* key : {"from", "to"}) {
            const YAML::Node at = field(n, key);
            const std::string written = text(at);
            if (written.empty()) {
                error(n, "field-missing", std::string("episode has no '") + key + "' date");
                ok = false;
                continue;
            }
            const DateParseResult r = parse_date(written);
            if (!r.date) {
                error(at, r.error->code, r.error->message);
                ok = false;
            }
        }
        if (ok && !episode_days(ep)) {
            error(field(n, "to"), "date-range-reversed", "episode '" + ep.title + "' ends (" + ep.to + ") before it starts (" + ep.from + ")");
            ok = false;
        }
        if (ok) c.notes.episodes.push_back(std::move(ep));
        else ++c.notes.episodes_unreadable;
    }
}

void check_notes(Case& c) {
    if (c.notes.file.empty()) return;
    const EntryIdIndex ids(c.chronology);
    for (const EntryNote& n : c.notes.notes)
        if (!ids.contains(n.entry_id))
            c.diagnostics.add(Severity::Warning, c.notes.file, n.line, 0, "note-orphaned",
                              "note on entry '" + n.entry_id + "', which is no longer in the case; the note is kept");
    for (const ClusterDecision& d : c.notes.clusters)
        for (const std::string& id : d.entry_ids)
            if (!ids.contains(id))
                c.diagnostics.add(Severity::Warning, c.notes.file, d.line, 0, "note-orphaned",
                                  "cluster decision names entry '" + id + "', which is no longer in the case; the decision is kept");
}

void save_entry_note(const std::string& path, const std::string& entry_id, const std::string& note_text, const std::string& who) {
    // Edit the file as it stands, so everything this version does not edit (decisions, episodes,
    // fields and keys it does not know, even entries it rejected) is written back unchanged.
    YAML::Node root(YAML::NodeType::Map);
    std::string header;  // the file's opening comment block, kept (yaml-cpp drops comments)
    std::error_code ec;
    if (fs::exists(path, ec)) {
        const FileBuffer buf = read_file(path);
        const std::string_view all = buf.view();
        for (std::size_t at = 0; at < all.size() && all[at] == '#';) {
            const std::size_t end = std::min(all.find('\n', at), all.size());
            header.append(all.substr(at, end - at)).push_back('\n');
            at = end + 1;
        }
        Diagnostics problems;
        const std::optional<YAML::Node> loaded = load_yaml(buf.view(), path, problems);
        if (!loaded || !(loaded->IsMap() || loaded->IsNull())) {
            Diagnostic d = problems.empty() ? Diagnostic{Severity::Error, path, 0, 0, "field-type", "notes.yaml must be a map"}
                                            : problems.items().front();
            d.message += "; notes.yaml was not changed (correct it, then save again)";
            throw Error(std::move(d));
        }
        if (loaded->IsMap()) root = *loaded;
    }
    if (!root["sightline"]) root["sightline"] = 1;
    YAML::Node notes = root["notes"];
    if (notes.IsDefined() && !notes.IsNull() && !notes.IsSequence())
        throw Error({Severity::Error, path, line_of(notes), column_of(notes), "field-type",
                     "'notes' must be a list; notes.yaml was not changed (correct it, then save again)"});
    YAML::Node kept(YAML::NodeType::Sequence);
    bool placed = false;
    std::optional<std::string> before;  // the note's text before, when it had one
    if (notes.IsSequence())
        for (const YAML::Node& n : notes) {
            if (text(field(n, "entry")) != entry_id) {
                kept.push_back(n);
                continue;
            }
            if (!before) before = text(field(n, "text"));
            if (placed || note_text.empty()) continue;  // removed, or a duplicate of the one just set
            YAML::Node edited = n;
            edited["text"] = note_text;
            kept.push_back(edited);
            placed = true;
        }
    if (!placed && !note_text.empty()) {
        YAML::Node n(YAML::NodeType::Map);
        n["entry"] = entry_id;
        n["text"] = note_text;
        kept.push_back(n);
    }
    if (kept.size() == 0) root.remove("notes");
    else root["notes"] = kept;
    YAML::Emitter out;
    out << root;
    if (!out.good()) throw Error({Severity::Error, path, 0, 0, "file-unwritable", "notes could not be written: " + out.GetLastError()});
    write_file_atomic(path, header + out.c_str() + "\n");
    if (before.value_or("") == note_text && before.has_value() == !note_text.empty()) return;  // nothing changed
    ReviewChange change;
    change.who = who;
    change.what = !before ? "note added" : note_text.empty() ? "note removed" : "note edited";
    change.entry = entry_id;
    change.before = before.value_or("");
    change.after = note_text;
    append_review_log(path, change);
}

}  // namespace sightline::formats
