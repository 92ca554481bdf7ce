// Reading a case's CSV and TSV sources on several threads: the accelerator behind load_case.
// The reference is case_reader.cpp, which reads every source in turn; this gives the same case,
// entry for entry and diagnostic for diagnostic (tests/formats/parallel_reader_test.cpp and the
// CSV fuzzer's differential mode hold it to that).
//
// [SECTION] A job: one source on its own
// [SECTION] Committing a job
// [SECTION] read_sources_on_threads
//
// Each CSV or TSV source is a job, read on whichever thread is free: into a copy of the
// manifest's registry (people, areas, agencies) with its own diagnostics and side arrays, its
// entries written into its own range of one pre-sized entries array. It registers nothing in
// the case while it is read: its Registrations is deferred (registrations.hpp), so its new
// agencies and areas have provisional ids. The jobs are then committed in manifest order, the
// other sources (YAML, XLSX, Word) read in turn between them: committing replays a job's
// registrations on the case, which gives the ids and diagnostics reading in turn gives, and the
// job's entries are moved onto the case's side arrays with their provisional ids made final.
// Nothing is read twice, except a source whose date column was decided by its first decisive
// date and turned out to hold a date that reads only the other way (OnThread::dates_contradicted):
// that one is read again, on its thread, with the whole column scanned first.
#include <filesystem>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "../pages.hpp"
#include "../readers.hpp"
#include "../registrations.hpp"
#include "sightline/engine/parallel.hpp"
#include "sightline/engine/phases.hpp"
#include "sightline/formats/io.hpp"

namespace sightline::formats::detail {

using namespace sightline::engine;
namespace fs = std::filesystem;

namespace {

// [SECTION] A job: one source on its own

struct SheetJob {
    SourceId id{};
    const SourceSpec* spec = nullptr;
    Case staged;                           // a registry copy: the source's diagnostics, side arrays and text
    std::unique_ptr<Registrations> registrations;  // deferred, on `staged`
    std::optional<SheetMapping> mapping;
    std::optional<DecodedText> text;
    std::size_t bound = 0;                 // at most this many entries
    std::size_t first_slot = 0;            // its range of the entries array
    std::size_t used = 0;                  // entries it made
    // Once committed: where its side arrays start in the case's (its entries' slices are moved
    // by these), and the final ids of its provisional ones (see rebase).
    struct {
        std::uint32_t subjects = 0, recipients = 0, tags = 0, extras = 0, seen = 0, ends = 0;
    } bases;
    Registrations::Committed registered;
};

// Finds the mapping, reads and decodes the file, and counts its records (no entries yet).
void prepare(SheetJob& job, const fs::path& case_dir, const std::string& manifest) {
    const Source& src = job.staged.sources[index_of(job.id)];
    const SpreadsheetOptions o = sheet_options(src, *job.spec, case_dir);
    SheetMapping mapping;
    if (!spreadsheet_mapping(job.staged, o, manifest, job.spec->where, mapping)) return;
    job.mapping = std::move(mapping);
    try {
        job.text = decode_text(read_file(src.opened));
    } catch (const Error& e) {
        job.staged.diagnostics.add(Severity::Error, manifest, job.spec->where.line, job.spec->where.column, "source-missing",
                                   "cannot read source '" + src.opened + "': " + unreadable_reason(e));
        return;
    }
    // Every entry is a record after the header, which is a record too.
    job.bound = record_bound(job.text->text()) - 1;
}

// Reads the job's rows into its slots. A date column is decided by its first decisive date;
// should a later one contradict it, the source is read again, from its file, scanning the whole
// column first.
void read_rows(SheetJob& job, Entry* first, const std::string& manifest) {
    const bool tab = job.staged.sources[index_of(job.id)].format == "tsv";
    const std::string path = job.staged.sources[index_of(job.id)].opened;
    Case before = job.staged.registry_copy();
    before.diagnostics = job.staged.diagnostics;
    const SheetMapping mapping = *job.mapping;
    job.registrations = std::make_unique<Registrations>(job.staged, Registrations::Deferred{});
    OnThread on{first, first + job.bound, job.registrations.get(), true};
    read_csv_text(job.staged, job.id, path, std::move(*job.text), std::move(*job.mapping), tab, &on);
    job.text.reset();
    if (on.dates_contradicted) {
        job.staged = std::move(before);
        job.registrations = std::make_unique<Registrations>(job.staged, Registrations::Deferred{});
        on = {first, first + job.bound, job.registrations.get(), false};
        try {
            read_csv_text(job.staged, job.id, path, decode_text(read_file(path)), mapping, tab, &on);
        } catch (const Error& e) {
            job.staged.diagnostics.add(Severity::Error, manifest, job.spec->where.line, job.spec->where.column,
                                       "source-missing", "cannot read source '" + path + "': " + unreadable_reason(e));
        }
    }
    job.used = static_cast<std::size_t>(on.next - first);
}

// [SECTION] Committing a job

// Moves a committed job's entry onto the case's side arrays, with final agency and area ids.
void rebase(Entry& e, const SheetJob& job) {
    const auto& b = job.bases;
    e.subjects.begin += b.subjects;
    e.to.begin += b.recipients;
    e.tags.begin += b.tags;
    e.extra.begin += b.extras;
    if (e.seen_map != k_no_index) e.seen_map += b.seen;
    if (e.end != k_no_index) e.end += b.ends;
    e.agency = job.registered.agency(e.agency);
    e.area = job.registered.area(e.area);
}

void rebase(Case& c, const SheetJob& job) {
    for (std::size_t i = job.first_slot; i < job.first_slot + job.used; ++i) rebase(c.chronology.entries[i], job);
}

// Registers the job's areas and agencies in the case (as reading it in turn would, now), and
// moves its results into the case: source record, diagnostics, side arrays and text. Its
// entries' slices and ids are moved afterwards, all jobs at once (rebase).
void commit(Case& c, SheetJob& job) {
    job.registered = job.registrations ? job.registrations->commit(c) : Registrations::Committed{};
    Chronology& ch = c.chronology;
    Chronology& from = job.staged.chronology;
    const auto base = [](const auto& v) { return static_cast<std::uint32_t>(v.size()); };
    job.bases = {base(ch.subjects), base(ch.recipients), base(ch.tags), base(ch.extras), base(ch.seen_values), base(ch.ends)};
    for (Entry e : from.entries) {  // entries past its slots (see EntryBuilder::finish)
        rebase(e, job);
        ch.entries.push_back(e);
    }
    for (AgencyId& a : from.recipients) a = job.registered.agency(a);
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
    // The job's diagnostics, with its registrations' where they were met.
    const std::vector<Diagnostic>& items = job.staged.diagnostics.items();
    const auto& said = job.registered.diagnostics;
    std::size_t k = 0;
    for (std::size_t i = 0; i <= items.size(); ++i) {
        for (; k < said.size() && said[k].first == i; ++k) c.diagnostics.add(said[k].second);
        if (i < items.size()) c.diagnostics.add(items[i]);
    }
    Source& source = c.sources[index_of(job.id)];
    source = job.staged.sources[index_of(job.id)];
    source.agency = job.registered.agency(source.agency);
    job.staged = Case{};
    job.registrations.reset();
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

}  // namespace

// [SECTION] read_sources_on_threads

void read_sources_on_threads(Case& c, const std::vector<SourceSpec>& specs, const std::vector<SourceId>& ids,
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
    c.chronology.entries.resize(slots);  // empty entries, each a slot a job overwrites
    mark_phase("entries' memory faulted in");
    parallel_for(jobs.size(), threads, [&](std::size_t j) {
        if (jobs[j].text) read_rows(jobs[j], c.chronology.entries.data() + jobs[j].first_slot, manifest);
    });
    mark_phase("rows read");
    // In manifest order: commit each job, read every other source now. The side arrays are sized
    // once, so that appending never copies them.
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
        if (job_of[k] >= 0) commit(c, jobs[static_cast<std::size_t>(job_of[k])]);
        else read_source(c, ids[k], specs[k], case_dir, manifest);
    }
    mark_phase("sources committed");
#ifdef __GLIBC__
    // The jobs' own side arrays were freed on their threads' heaps, which keep freed memory for
    // later; nothing comes later, so it goes back to the system before the merge needs more.
    malloc_trim(0);
#endif
    parallel_for(jobs.size(), threads, [&](std::size_t j) { rebase(c, jobs[j]); });
    mark_phase("entries' lists moved");
    // Close the gaps between the jobs' ranges (and after them, before the other sources' entries),
    // left by rows rejected or blank.
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

}  // namespace sightline::formats::detail
