// notes.yaml: reading, checking against the merged case, and writing back atomically.
#include "sightline/formats/notes_file.hpp"

#include <yaml-cpp/yaml.h>

#include <filesystem>

#include "sightline/engine/merge.hpp"
#include "sightline/formats/io.hpp"

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
    YAML::Node root;
    try {
        root = YAML::Load(std::string(buf.view()));
    } catch (const YAML::Exception& e) {
        c.diagnostics.add(Severity::Error, path, e.mark.is_null() ? 0 : static_cast<std::uint32_t>(e.mark.line + 1),
                          e.mark.is_null() ? 0 : static_cast<std::uint32_t>(e.mark.column + 1), "yaml-syntax",
                          "malformed yaml: " + e.msg);
        return;
    }
    if (root.IsNull()) return;
    if (!root.IsMap()) {
        error(root, "field-type", "notes.yaml must be a map (sightline, notes, clusters, episodes)");
        return;
    }
    for (const YAML::Node& n : field(root, "notes")) {
        EntryNote note{text(field(n, "entry")), text(field(n, "text")), line_of(n)};
        if (note.entry_id.empty()) error(n, "field-missing", "note has no 'entry' (the entry's id)");
        else c.notes.notes.push_back(std::move(note));
    }
    for (const YAML::Node& n : field(root, "clusters")) {
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
    for (const YAML::Node& n : field(root, "episodes")) {
        KeyEpisode ep{text(field(n, "title")), text(field(n, "from")), text(field(n, "to")), text(field(n, "note")), line_of(n)};
        c.notes.episodes.push_back(std::move(ep));
    }
}

void check_notes(Case& c) {
    if (c.notes.file.empty()) return;
    const EntryIdIndex ids(c.chronology);
    for (const EntryNote& n : c.notes.notes)
        if (!ids.find(n.entry_id))
            c.diagnostics.add(Severity::Warning, c.notes.file, n.line, 0, "note-orphaned",
                              "note on entry '" + n.entry_id + "', which is no longer in the case; the note is kept");
    for (const ClusterDecision& d : c.notes.clusters)
        for (const std::string& id : d.entry_ids)
            if (!ids.find(id))
                c.diagnostics.add(Severity::Warning, c.notes.file, d.line, 0, "note-orphaned",
                                  "cluster decision names entry '" + id + "', which is no longer in the case; the decision is kept");
}

void write_notes(const ReviewNotes& notes, const std::string& path) {
    YAML::Emitter out;
    out << YAML::BeginMap << YAML::Key << "sightline" << YAML::Value << 1;
    if (!notes.notes.empty()) {
        out << YAML::Key << "notes" << YAML::Value << YAML::BeginSeq;
        for (const EntryNote& n : notes.notes)
            out << YAML::BeginMap << YAML::Key << "entry" << YAML::Value << n.entry_id << YAML::Key << "text"
                << YAML::Value << YAML::DoubleQuoted << n.text << YAML::EndMap;
        out << YAML::EndSeq;
    }
    if (!notes.clusters.empty()) {
        out << YAML::Key << "clusters" << YAML::Value << YAML::BeginSeq;
        for (const ClusterDecision& d : notes.clusters) {
            out << YAML::BeginMap << YAML::Key << "decision" << YAML::Value
                << (d.kind == ClusterDecisionKind::Confirm ? "confirm" : "split") << YAML::Key << "entries" << YAML::Value
                << YAML::Flow << d.entry_ids;
            if (!d.note.empty()) out << YAML::Key << "note" << YAML::Value << YAML::DoubleQuoted << d.note;
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    if (!notes.episodes.empty()) {
        out << YAML::Key << "episodes" << YAML::Value << YAML::BeginSeq;
        for (const KeyEpisode& e : notes.episodes)
            out << YAML::BeginMap << YAML::Key << "title" << YAML::Value << YAML::DoubleQuoted << e.title << YAML::Key << "from"
                << YAML::Value << e.from << YAML::Key << "to" << YAML::Value << e.to << YAML::Key << "note" << YAML::Value
                << YAML::DoubleQuoted << e.note << YAML::EndMap;
        out << YAML::EndSeq;
    }
    out << YAML::EndMap;
    write_file_atomic(path, std::string(out.c_str()) + "\n");
}

}  // namespace sightline::formats
