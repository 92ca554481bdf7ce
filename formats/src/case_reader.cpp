// Reading a case: the manifest, every source it lists, then the merge.
//
// [SECTION] One source
// [SECTION] CSV sources on several threads
// [SECTION] load_case
//
// CSV and TSV sources are read on several threads: each into a copy of the manifest's registry
// (people, areas, agencies) with its own diagnostics and side arrays, writing its entries into its
// own range of one pre-sized entries array. They are then committed in manifest order. A source
// whose reading could have depended on what an earlier source did to the case (a new agency or
// area, a kind declared) is read again in order, so the result is always the one reading the
// sources one by one gives: the same entries, ids, diagnostics and agencies.
#include "sightline/formats/case_reader.hpp"

#include <atomic>
#include <filesystem>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <thread>

#include "readers.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/engine/phases.hpp"
#include "sightline/formats/io.hpp"
#include "sightline/formats/notes_file.hpp"
#include "sightline/formats/spreadsheet.hpp"

namespace sightline::formats {

using namespace sightline::engine;
namespace fs = std::filesystem;

namespace {

// [SECTION] One source

// The source record of a manifest item (added to c.sources before any source is read).
Source source_for(const detail::SourceSpec& spec, const fs::path& case_dir) {
    const fs::path full = (case_dir / spec.file).lexically_normal();
    const std::string ext = detail::lower_extension(full.string());
    Source src;
    src.path = fs::path(spec.file).lexically_normal().generic_string();
    src.opened = full.generic_string();
    src.format = ext.empty() ? std::string("unknown") : ext.substr(1);
    if (src.format == "yml") src.format = "yaml";
    return src;
}

SpreadsheetOptions sheet_options(const Source& src, const detail::SourceSpec& spec, const fs::path& case_dir) {
    SpreadsheetOptions o;
    o.path = src.opened;
    if (!spec.mapping.empty()) o.mapping = (case_dir / spec.mapping).lexically_normal().generic_string();
    o.sheet = spec.sheet;
    o.agency = spec.agency;
    o.kind = spec.kind;
    o.area = spec.area;
    o.date_order = spec.date_order;
    return o;
}

// Why a source's format is not read, and what to do: a document format says how to convert it.
std::string unreadable_format_message(const std::string& file) {
    const std::string ext = detail::lower_extension(file);
    std::string what;
    if (ext == ".doc") what = "a Word 97-2003 document";
    else if (ext == ".odt") what = "an OpenDocument text";
    else if (ext == ".rtf") what = "a rich text document";
    else if (ext == ".docm" || ext == ".dotx") what = "a Word template or macro document";
    else if (ext == ".xls" || ext == ".ods") what = "a spreadsheet in an older or OpenDocument format";
    if (!what.empty()) {
        const std::string to = (ext == ".xls" || ext == ".ods") ? "xlsx" : "docx";
        return "source '" + file + "' is " + what + ", which sightline does not read; convert it to ." + to +
               " (libreoffice --headless --convert-to " + to + " " + file + ") and list the ." + to + " file";
    }
    if (ext == ".pdf")
        return "source '" + file + "' is a PDF, which sightline does not read; ask the agency for the Word or "
               "Excel file it was made from";
    return "source '" + file + "' is not a format sightline reads (.yaml, .yml, .csv, .tsv, .xlsx, .docx)";
}

// Reads one source into the case, appending its entries.
void read_source(Case& c, SourceId id, const detail::SourceSpec& spec, const fs::path& case_dir, const std::string& manifest) {
    const Source& src = c.sources[index_of(id)];
    if (is_spreadsheet(src.opened)) {
        detail::read_spreadsheet_source(c, id, sheet_options(src, spec, case_dir), manifest, spec.where);
        return;
    }
    if (src.format != "yaml") {
        c.diagnostics.add(Severity::Error, manifest, spec.where.line, spec.where.column, "source-format",
                          unreadable_format_message(spec.file));
        return;
    }
    if (!spec.mapping.empty() || !spec.sheet.empty() || !spec.agency.empty() || !spec.kind.empty() ||
        !spec.area.empty() || !spec.date_order.empty())
        c.diagnostics.add(Severity::Warning, manifest, spec.where.line, spec.where.column, "key-unknown",
                          "mapping, sheet, agency, kind, area and date_order apply to spreadsheet sources; ignored for '" +
                              spec.file + "'");
    FileBuffer buf;
    try {
        buf = read_file(src.opened);
    } catch (const Error& e) {
        c.diagnostics.add(Severity::Error, manifest, spec.where.line, spec.where.column, "source-missing",
                          "cannot read source '" + spec.file + "': " + unreadable_reason(e));
        return;
    }
    detail::read_agency_yaml(c, id, src.opened, buf.view());
}

// [SECTION] CSV sources on several threads

// One CSV or TSV source read on its own.
struct SheetJob {
    SourceId id{};
    const detail::SourceSpec* spec = nullptr;
    Case staged;                           // a registry copy: the source's diagnostics, side arrays and text
    std::optional<detail::SheetMapping> mapping;
    std::optional<detail::DecodedText> text;
    std::size_t bound = 0;                 // at most this many entries
    std::size_t first_slot = 0;            // its range of the entries array
    std::size_t used = 0;                  // entries it made
    // Where its side arrays start in the case's once committed: its entries' slices are moved by
    // these (see rebase).
    struct {
        std::uint32_t subjects = 0, recipients = 0, tags = 0, extras = 0, seen = 0, ends = 0;
    } bases;
    bool committed = false;
};

// Runs work(i) for i in [0, n) on up to `threads` threads (this one included).
template <class Work>
void parallel_for(std::size_t n, unsigned threads, Work&& work) {
    std::atomic<std::size_t> next{0};
    auto run = [&] {
        for (std::size_t i = next++; i < n; i = next++) work(i);
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads && t < n; ++t) pool.emplace_back(run);
    run();
    for (std::thread& t : pool) t.join();
}

// Finds the mapping, reads and decodes the file, and counts its records (no entries yet).
void prepare(SheetJob& job, const fs::path& case_dir, const std::string& manifest) {
    const Source& src = job.staged.sources[index_of(job.id)];
    const SpreadsheetOptions o = sheet_options(src, *job.spec, case_dir);
    detail::SheetMapping mapping;
    if (!detail::spreadsheet_mapping(job.staged, o, manifest, job.spec->where, mapping)) return;
    job.mapping = std::move(mapping);
    try {
        job.text = detail::decode_text(read_file(src.opened));
    } catch (const Error& e) {
        job.staged.diagnostics.add(Severity::Error, manifest, job.spec->where.line, job.spec->where.column, "source-missing",
                                   "cannot read source '" + src.opened + "': " + unreadable_reason(e));
        return;
    }
    // Every entry is a record after the header, which is a record too.
    job.bound = detail::record_bound(job.text->text()) - 1;
}

// Moves a committed job's entries' slices onto the case's side arrays.
void rebase(Entry& e, const SheetJob& job) {
    const auto& b = job.bases;
    e.subjects.begin += b.subjects;
    e.to.begin += b.recipients;
    e.tags.begin += b.tags;
    e.extra.begin += b.extras;
    if (e.seen_map != k_no_index) e.seen_map += b.seen;
    if (e.end != k_no_index) e.end += b.ends;
}

void rebase(Case& c, const SheetJob& job) {
    for (std::size_t i = job.first_slot; i < job.first_slot + job.used; ++i) rebase(c.chronology.entries[i], job);
}

// Moves a job's results into the case: its registry, source record, diagnostics, side arrays and
// text. Its entries' slices are moved onto the case's side arrays afterwards, all jobs at once
// (rebase).
void commit(Case& c, SheetJob& job) {
    Chronology& ch = c.chronology;
    Chronology& from = job.staged.chronology;
    const auto base = [](const auto& v) { return static_cast<std::uint32_t>(v.size()); };
    job.bases = {base(ch.subjects), base(ch.recipients), base(ch.tags), base(ch.extras), base(ch.seen_values), base(ch.ends)};
    job.committed = true;
    for (Entry e : from.entries) {  // entries past its slots (see EntryBuilder::finish)
        rebase(e, job);
        ch.entries.push_back(e);
    }
    const auto append = [](auto& to, auto& items) {
        to.insert(to.end(), items.begin(), items.end());
        items = {};
    };
    append(ch.subjects, from.subjects);
    append(ch.recipients, from.recipients);
    append(ch.tags, from.tags);
    append(ch.extras, from.extras);
    append(ch.seen_values, from.seen_values);
    append(ch.ends, from.ends);
    ch.text.absorb(std::move(from.text));
    for (const Diagnostic& d : job.staged.diagnostics.items()) c.diagnostics.add(d);
    c.sources[index_of(job.id)] = job.staged.sources[index_of(job.id)];
    c.take_areas_and_agencies(job.staged);
    job.staged = Case{};
}

// Asks the kernel for the pages of n entries' storage ahead of their first use, a share on each
// thread: faulting a million entries' 200 MB in one page at a time, on one thread, took longer
// than reading a tenth of the rows.
void prefault(Entry* first, std::size_t n, unsigned threads) {
    if (n * sizeof(Entry) < (std::size_t{64} << 20)) return;  // small: not worth a thread
    parallel_for(threads, threads, [&](std::size_t t) {
        const std::size_t from = n * t / threads, to = n * (t + 1) / threads;
        populate_pages(first + from, (to - from) * sizeof(Entry));
    });
}

// Reads the sources, CSV and TSV ones on several threads. Entries of CSV sources come first, in
// manifest order, then the others'; the merge orders them all.
void read_sources(Case& c, const std::vector<detail::SourceSpec>& specs, const std::vector<SourceId>& ids,
                  const fs::path& case_dir, const std::string& manifest, unsigned threads) {
    std::vector<SheetJob> jobs;
    std::vector<int> job_of(specs.size(), -1);
    for (std::size_t k = 0; k < specs.size(); ++k) {
        const Source& src = c.sources[index_of(ids[k])];
        if (src.format != "csv" && src.format != "tsv") continue;
        job_of[k] = static_cast<int>(jobs.size());
        jobs.emplace_back();
        jobs.back().id = ids[k];
        jobs.back().spec = &specs[k];
    }
    // The state every job starts from; a job is valid only if the case is still so when it commits.
    const Case snapshot = c.registry_copy();
    for (SheetJob& job : jobs) job.staged = c.registry_copy();
    mark_phase("manifest read");
    parallel_for(jobs.size(), threads, [&](std::size_t j) { prepare(jobs[j], case_dir, manifest); });
    mark_phase("files read");
    // Entries already made (inline in the manifest) stay first; each job's range follows.
    const std::size_t before = c.chronology.entries.size();
    std::size_t slots = before;
    for (SheetJob& job : jobs) {
        job.first_slot = slots;
        slots += job.bound;
    }
    c.chronology.entries.reserve(slots);
    prefault(c.chronology.entries.data() + before, slots - before, threads);
    c.chronology.entries.resize(slots);  // slots left unwritten for the jobs (see SlotAllocator)
    mark_phase("entries' memory faulted in");
    parallel_for(jobs.size(), threads, [&](std::size_t j) {
        SheetJob& job = jobs[j];
        if (!job.text) return;
        Entry* const first = c.chronology.entries.data() + job.first_slot;
        const bool tab = c.sources[index_of(job.id)].format == "tsv";
        const std::string path = job.staged.sources[index_of(job.id)].opened;
        // A date column is decided by its first decisive date; should a later one contradict it,
        // the source is read again, from its file, scanning the whole column first.
        Case retry = job.staged.registry_copy();
        retry.diagnostics = job.staged.diagnostics;
        const detail::SheetMapping mapping = *job.mapping;
        detail::EntrySlots out{first, first + job.bound, true};
        try {
            detail::read_csv_text(job.staged, job.id, path, std::move(*job.text), std::move(*job.mapping), tab, &out);
        } catch (const detail::RescanDates&) {
            job.staged = std::move(retry);
            out = {first, first + job.bound, false};
            try {
                detail::read_csv_text(job.staged, job.id, path, detail::decode_text(read_file(path)), mapping, tab, &out);
            } catch (const Error& e) {
                job.staged.diagnostics.add(Severity::Error, manifest, job.spec->where.line, job.spec->where.column,
                                           "source-missing", "cannot read source '" + path + "': " + unreadable_reason(e));
            }
        }
        job.used = static_cast<std::size_t>(out.next - first);
        job.text.reset();
    });
    mark_phase("rows read");
    // In manifest order: commit what is still valid, read everything else now. The side arrays
    // are sized once, so that appending never copies them.
    {
        std::size_t subjects = 0, recipients = 0, tags = 0, extras = 0, seen = 0, ends = 0;
        for (const SheetJob& job : jobs) {
            const Chronology& from = job.staged.chronology;
            subjects += from.subjects.size();
            recipients += from.recipients.size();
            tags += from.tags.size();
            extras += from.extras.size();
            seen += from.seen_values.size();
            ends += from.ends.size();
        }
        Chronology& ch = c.chronology;
        ch.subjects.reserve(ch.subjects.size() + subjects);
        ch.recipients.reserve(ch.recipients.size() + recipients);
        ch.tags.reserve(ch.tags.size() + tags);
        ch.extras.reserve(ch.extras.size() + extras);
        ch.seen_values.reserve(ch.seen_values.size() + seen);
        ch.ends.reserve(ch.ends.size() + ends);
    }
    for (std::size_t k = 0; k < specs.size(); ++k) {
        if (job_of[k] >= 0) {
            SheetJob& job = jobs[static_cast<std::size_t>(job_of[k])];
            if (c.same_areas_and_agencies(snapshot)) {
                commit(c, job);
                continue;
            }
            job.used = 0;  // an earlier source changed the registry: read this one again, in order
            job.staged = Case{};
        }
        read_source(c, ids[k], specs[k], case_dir, manifest);
    }
    mark_phase("sources committed");
#ifdef __GLIBC__
    // The jobs' own side arrays were freed on their threads' heaps, which keep freed memory for
    // later; nothing comes later, so it goes back to the system before the merge needs more.
    malloc_trim(0);
#endif
    parallel_for(jobs.size(), threads, [&](std::size_t j) {
        if (jobs[j].committed) rebase(c, jobs[j]);
    });
    mark_phase("entries' lists moved");
    // Close the gaps between the jobs' ranges (and after them, before the other sources' entries):
    // left by rows rejected or blank, or by a source read again.
    Entries& entries = c.chronology.entries;
    const auto at = [&](std::size_t i) { return entries.begin() + static_cast<std::ptrdiff_t>(i); };
    std::size_t to = before;
    for (const SheetJob& job : jobs) {
        if (to != job.first_slot) std::move(at(job.first_slot), at(job.first_slot + job.used), at(to));
        to += job.used;
    }
    if (to != slots) std::move(at(slots), entries.end(), at(to));
    entries.resize(to + (entries.size() - slots));
    mark_phase("gaps closed");
}

}  // namespace

// [SECTION] load_case

std::string manifest_path_for(std::string_view path) {
    const fs::path p{std::string(path)};
    std::error_code ec;
    if (fs::is_directory(p, ec)) return (p / "case.yaml").generic_string();
    return p.generic_string();
}

Case load_case(std::string_view path, const LoadOptions& options) {
    const std::string manifest = manifest_path_for(path);
    if (!fs::exists(manifest)) {
        Diagnostic d;
        d.file = manifest;
        d.code = "case-missing";
        d.message = fs::is_directory(fs::path{std::string(path)})
                        ? "no case.yaml in '" + std::string(path) + "'"
                        : "cannot open '" + manifest + "': No such file or directory";
        throw Error(std::move(d));
    }
    const FileBuffer buf = read_file(manifest);
    Case c;
    c.manifest_path = manifest;
    const std::vector<detail::SourceSpec> specs = detail::read_manifest(c, manifest, buf.view());
    const fs::path case_dir = fs::path(manifest).parent_path();
    if (options.read_sources) {
        std::vector<SourceId> ids;
        for (const detail::SourceSpec& spec : specs) {
            ids.push_back(static_cast<SourceId>(c.sources.size()));
            c.sources.push_back(source_for(spec, case_dir));
        }
        const unsigned threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
        if (threads == 1) {
            for (std::size_t k = 0; k < specs.size(); ++k) read_source(c, ids[k], specs[k], case_dir, manifest);
        } else {
            read_sources(c, specs, ids, case_dir, manifest, threads);
        }
    }
    if (c.info.title.empty()) {
        const fs::path dir = fs::absolute(case_dir).lexically_normal();
        c.info.title = dir.has_filename() ? dir.filename().string() : dir.parent_path().filename().string();
    }
    read_notes(c, notes_path_for(c));
    if (options.merge) {
        merge(c);
        check_notes(c);
    }
    c.diagnostics.sort();
    return c;
}

}  // namespace sightline::formats
