// The reviewer's documents: the chronology in Word, the overview report and the learning-event
// pack, for the sample and a generated case. Structure is asserted here; the "look" tests render
// them as a reader would (LibreOffice to PDF then pdftoppm; headless Chromium) into
// build/.../tests/rendered/, and are skipped, saying why, when the tool is absent.
#include "sightline/formats/documents.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <regex>

#include "ooxml.hpp"
#include "sightline/engine/anonymise.hpp"
#include "sightline/engine/corroboration.hpp"
#include "sightline/engine/generate.hpp"
#include "sightline/engine/knowledge.hpp"
#include "sightline/engine/merge.hpp"
#include "sightline/formats/case_reader.hpp"
#include "sightline/formats/chronology_writer.hpp"
#include "sightline/formats/io.hpp"
#include "sightline/formats/synthetic.hpp"

using namespace sightline;
using namespace sightline::engine;
namespace fs = std::filesystem;

namespace {

const std::string k_out = SIGHTLINE_RENDER_DIR;

// A case with its findings and episode views, as the commands make them.
struct Loaded {
    Case c;
    std::vector<Finding> findings;
    std::vector<EpisodeView> views;
};

Loaded load(const std::string& path, bool anonymised = false) {
    Loaded l;
    l.c = formats::load_case(path);
    l.findings = analyse(l.c);
    l.views = episode_views(l.c, l.findings, who_knew(l.c, find_clusters(l.c)));
    if (anonymised) anonymise(l.c, l.findings);
    return l;
}

std::string sample_path() { return std::string(SIGHTLINE_SAMPLES) + "/child-r"; }

// A generated case (seed 3), written once.
std::string generated_path() {
    const std::string dir = k_out + "/generated-case";
    if (!fs::exists(dir + "/case.yaml")) {
        fs::create_directories(dir);
        formats::write_synthetic_case(generate_case(3), dir, 3);
    }
    return dir;
}

// One part of a Word document.
std::string docx_part(const std::string& path, const std::string& part) {
    const formats::FileBuffer bytes = formats::read_file(path);
    formats::detail::ZipParts zip(bytes.view(), {}, "docx", "document");
    std::optional<formats::detail::PackageFailure> failure;
    if (!zip.has(part)) return {};
    return zip.read(part, failure).value_or("");
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
    return n;
}

std::string out_path(const std::string& name) {
    fs::create_directories(k_out);
    return k_out + "/" + name;
}

// [SECTION] Structure

TEST(ChronologyDocx, OneRowPerEntryUnderAHeaderRepeatedOnEveryPage) {
    const Loaded l = load(sample_path());
    const std::string path = out_path("child-r.chronology.docx");
    formats::write_chronology_docx(l.c, path);
    const std::string doc = docx_part(path, "word/document.xml");
    ASSERT_FALSE(doc.empty());
    // Two tables (dated, undated), each with its header row.
    EXPECT_EQ(count(doc, "<w:tbl>"), 2u);
    EXPECT_EQ(count(doc, "<w:tr>"), l.c.chronology.entry_count() + 2);
    EXPECT_EQ(count(doc, "<w:tblHeader/>"), 2u);
    EXPECT_NE(doc.find("w:orient=\"landscape\""), std::string::npos);
    EXPECT_NE(doc.find("Undated entries"), std::string::npos);
    // Text only: no field code, no formula.
    EXPECT_EQ(doc.find("w:fldSimple"), std::string::npos);
    EXPECT_EQ(doc.find("w:instrText"), std::string::npos);
    // A review note from notes.yaml is in its row.
    ASSERT_FALSE(l.c.notes.notes.empty());
    EXPECT_NE(doc.find(l.c.notes.notes.front().text.substr(0, 20)), std::string::npos);
}

TEST(OverviewReport, HtmlIsOneFileWithItsPicturesAndNoExternalResource) {
    const Loaded l = load(sample_path());
    const std::string path = out_path("child-r.report.html");
    formats::write_overview_report(l.c, l.findings, l.views, path);
    const std::string html(formats::read_file(path).view());
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_FALSE(std::regex_search(html, std::regex(R"((src|href)\s*=\s*["']?\s*(https?:|//))", std::regex::icase)));
    EXPECT_EQ(count(html, "http"), count(html, "http://www.w3.org/2000/svg")) << "only the SVG namespace may name a URL";
    // The timeline, and a genogram per key date.
    const std::size_t days = formats::key_dates(l.c, l.findings, l.views).size();
    EXPECT_EQ(count(html, "<svg "), 1 + days);
    EXPECT_NE(html.find("@page"), std::string::npos);
    EXPECT_NE(html.find("break-before: page"), std::string::npos);
    // Every finding of concern.
    for (const Finding& f : l.findings)
        if (f.concern) {
            EXPECT_NE(html.find(f.message.substr(0, 30)), std::string::npos) << f.message;
        }
}

TEST(OverviewReport, DocxHoldsThePicturesAsPng) {
    const Loaded l = load(sample_path());
    const std::string path = out_path("child-r.report.docx");
    formats::write_overview_report(l.c, l.findings, l.views, path);
    const std::string doc = docx_part(path, "word/document.xml");
    const std::size_t days = formats::key_dates(l.c, l.findings, l.views).size();
    EXPECT_EQ(count(doc, "<w:drawing>"), 1 + days);
    const std::string png = docx_part(path, "word/media/image1.png");
    ASSERT_GT(png.size(), 8u);
    EXPECT_EQ(png.substr(1, 3), "PNG");
}

TEST(EpisodesPack, OnePagePerEpisodeWithTimelineAndTwoGenograms) {
    const Loaded l = load(sample_path());
    ASSERT_FALSE(l.views.empty());
    const std::string html_path = out_path("child-r.pack.html");
    formats::write_episodes_pack(l.c, l.findings, l.views, html_path);
    const std::string html(formats::read_file(html_path).view());
    EXPECT_EQ(count(html, "<svg "), 3 * l.views.size());
    EXPECT_GE(count(html, "class=\"page-break\""), l.views.size());
    const std::string docx_path = out_path("child-r.pack.docx");
    formats::write_episodes_pack(l.c, l.findings, l.views, docx_path);
    EXPECT_EQ(count(docx_part(docx_path, "word/document.xml"), "<w:drawing>"), 3 * l.views.size());
}

TEST(Pictures, PngOfTheTimelineHasTheExpectedSize) {
    const Loaded l = load(sample_path());
    const formats::Picture p = formats::case_timeline_picture(l.c, l.findings);
    const std::string png = formats::picture_png(p, 1.0f);
    ASSERT_GT(png.size(), 24u);
    const auto be32 = [&](std::size_t at) {
        std::uint32_t v = 0;
        for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(png[at + i]);
        return v;
    };
    EXPECT_EQ(be32(16), static_cast<std::uint32_t>(std::ceil(p.width())));
    EXPECT_EQ(be32(20), static_cast<std::uint32_t>(std::ceil(p.height())));
    // Every lane's agency is labelled.
    std::string text;
    for (const formats::Item& it : p.items()) text += it.text + "\n";
    EXPECT_NE(text.find("Findings"), std::string::npos);
}

// [SECTION] Anonymised

// Every output, pictures' text included, for each case: no name of its people survives.
TEST(AnonymisedDocuments, HoldNoNameOfTheCasesPeople) {
    for (const std::string& path : {sample_path(), generated_path()}) {
        const Case named = formats::load_case(path);
        std::vector<std::string> names;
        for (const Person& p : named.people) {
            names.push_back(p.name);
            for (const std::string& a : p.aliases)
                if (a.size() >= 3) names.push_back(a);
        }
        const Loaded l = load(path, true);
        const std::string stem = out_path(fs::path(path).filename().string() + ".anonymised");
        std::string all;
        formats::write_overview_report(l.c, l.findings, l.views, stem + ".report.html");
        all += formats::read_file(stem + ".report.html").view();
        formats::write_episodes_pack(l.c, l.findings, l.views, stem + ".pack.html");
        all += formats::read_file(stem + ".pack.html").view();
        formats::write_chronology_docx(l.c, stem + ".chronology.docx");
        all += docx_part(stem + ".chronology.docx", "word/document.xml");
        formats::write_overview_report(l.c, l.findings, l.views, stem + ".report.docx");
        all += docx_part(stem + ".report.docx", "word/document.xml");
        // The PNGs are drawn from the same display lists: their text is scanned here.
        const GenogramLayout layout = compute_layout(l.c);
        std::vector<formats::Picture> pictures{formats::case_timeline_picture(l.c, l.findings)};
        for (const std::int32_t day : formats::key_dates(l.c, l.findings, l.views))
            pictures.push_back(formats::genogram_picture(l.c, layout, genogram_at(layout, l.c, day)));
        for (const formats::Picture& p : pictures)
            for (const formats::Item& it : p.items()) all += it.text + "\n";
        for (const std::string& name : names) {
            const std::regex word("(^|[^A-Za-z])" + name + "([^A-Za-z]|$)");
            std::smatch m;
            EXPECT_FALSE(std::regex_search(all, m, word)) << path << ": '" << name << "' is still in a document: ..." << m.str();
        }
    }
}

// [SECTION] Rendered

bool have(const char* tool) { return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0; }

// Runs a command; its seconds, or a negative number when it failed.
double run(const std::string& command) {
    const auto start = std::chrono::steady_clock::now();
    const int status = std::system((command + " >/dev/null 2>&1").c_str());
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return status == 0 ? s : -1;
}

TEST(RenderedDocuments, LibreOfficeOpensEveryWordDocumentAndDrawsItsPages) {
    if (!have("libreoffice") || !have("pdftoppm"))
        GTEST_SKIP() << "libreoffice or pdftoppm is not installed (scripts/install-deps.sh test installs them)";
    for (const std::string& path : {sample_path(), generated_path()}) {
        const Loaded l = load(path);
        const std::string stem = out_path(fs::path(path).filename().string());
        formats::write_chronology_docx(l.c, stem + ".chronology.docx");
        formats::write_overview_report(l.c, l.findings, l.views, stem + ".report.docx");
        formats::write_episodes_pack(l.c, l.findings, l.views, stem + ".pack.docx");
        for (const char* kind : {".chronology", ".report", ".pack"}) {
            const std::string docx = stem + kind + ".docx", pdf = stem + kind + ".pdf";
            fs::remove(pdf);
            const double s = run("cd '" + k_out + "' && timeout 300 libreoffice -env:UserInstallation=file://" + k_out +
                                 "/lo-profile --headless --convert-to pdf --outdir '" + k_out + "' '" + docx + "'");
            ASSERT_GE(s, 0) << "libreoffice could not convert " << docx;
            ASSERT_TRUE(fs::exists(pdf)) << pdf;
            EXPECT_GE(run("pdftoppm -r 60 -png -f 1 -l 3 '" + pdf + "' '" + stem + kind + "'"), 0);
            EXPECT_TRUE(fs::exists(stem + kind + "-1.png") || fs::exists(stem + kind + "-01.png") ||
                        fs::exists(stem + kind + "-001.png"));
            std::cout << docx << ": " << fs::file_size(docx) << " bytes, converted in " << s << " s\n";
        }
    }
}

TEST(RenderedDocuments, ChromiumDrawsEveryHtmlDocument) {
    std::string browser = have("chromium") ? "chromium" : have("chromium-browser") ? "chromium-browser" : "";
    if (browser.empty()) GTEST_SKIP() << "chromium is not installed (scripts/install-deps.sh test installs it)";
    for (const std::string& path : {sample_path(), generated_path()}) {
        const Loaded l = load(path);
        const std::string stem = out_path(fs::path(path).filename().string());
        formats::write_overview_report(l.c, l.findings, l.views, stem + ".report.html");
        formats::write_episodes_pack(l.c, l.findings, l.views, stem + ".pack.html");
        for (const char* kind : {".report", ".pack"}) {
            const std::string html = stem + kind + ".html", png = stem + kind + ".html.png";
            fs::remove(png);
            const double s = run("timeout 120 " + browser + " --headless --no-sandbox --disable-gpu --hide-scrollbars "
                                 "--user-data-dir='" + k_out + "/chromium-profile' --screenshot='" + png +
                                 "' --window-size=1400,2000 'file://" + html + "'");
            ASSERT_GE(s, 0) << browser << " could not open " << html;
            ASSERT_TRUE(fs::exists(png));
            EXPECT_GT(fs::file_size(png), 10000u);
            std::cout << html << ": " << fs::file_size(html) << " bytes, drawn in " << s << " s\n";
        }
    }
}

}  // namespace
