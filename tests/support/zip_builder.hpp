// Writes zip archives part by part (hand-made XLSX files for reader tests), and reads a part of
// one back (what a writer put in an XLSX or Word file).
#pragma once

#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace sightline::test {

// The bytes of one part of a zip package ("xl/workbook.xml"); empty when there is no such part.
inline std::string read_zip_part(const std::string& path, const std::string& name) {
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_RDONLY, &err);
    if (!z) return {};
    zip_stat_t st;
    std::string out;
    if (zip_stat(z, name.c_str(), 0, &st) == 0) {
        out.resize(static_cast<std::size_t>(st.size));
        zip_file_t* f = zip_fopen(z, name.c_str(), 0);
        zip_fread(f, out.data(), st.size);
        zip_fclose(f);
    }
    zip_discard(z);
    return out;
}

// Writes parts (name, content) into a new zip at path.
inline void write_zip(const std::string& path, const std::vector<std::pair<std::string, std::string>>& parts) {
    int err = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
    if (!z) throw std::runtime_error("cannot create " + path);
    for (const auto& [name, content] : parts) {
        // libzip reads the buffer at close: keep a copy alive until then.
        void* copy = std::malloc(content.size() ? content.size() : 1);
        std::memcpy(copy, content.data(), content.size());
        zip_source_t* src = zip_source_buffer(z, copy, content.size(), 1);
        if (!src || zip_file_add(z, name.c_str(), src, ZIP_FL_OVERWRITE) < 0) throw std::runtime_error("cannot add " + name);
    }
    if (zip_close(z) != 0) throw std::runtime_error("cannot write " + path);
}

// A minimal workbook: one sheet "Sheet1" with sheet_data (the <sheetData> children), optional
// shared strings (<si> items), cellXfs (<xf> items) and custom numFmts, and the 1904 flag.
inline void write_xlsx(const std::string& path, const std::string& sheet_data, const std::string& shared = "",
                       const std::string& xfs = "<xf numFmtId=\"0\"/>", const std::string& num_fmts = "",
                       bool date1904 = false, const std::string& sheet_name = "Sheet1") {
    const std::string ns = "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"";
    const std::string rns = "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"";
    std::vector<std::pair<std::string, std::string>> parts = {
        {"[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"},
        {"xl/workbook.xml", "<?xml version=\"1.0\"?><workbook " + ns + " " + rns + ">" +
                                (date1904 ? "<workbookPr date1904=\"1\"/>" : "") + "<sheets><sheet name=\"" +
                                sheet_name + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"},
        {"xl/_rels/workbook.xml.rels",
         "<?xml version=\"1.0\"?><Relationships><Relationship Id=\"rId1\" Target=\"worksheets/sheet1.xml\"/>"
         "</Relationships>"},
        {"xl/worksheets/sheet1.xml",
         "<?xml version=\"1.0\"?><worksheet " + ns + "><sheetData>" + sheet_data + "</sheetData></worksheet>"},
        {"xl/styles.xml", "<?xml version=\"1.0\"?><styleSheet " + ns + ">" +
                              (num_fmts.empty() ? "" : "<numFmts>" + num_fmts + "</numFmts>") + "<cellXfs>" + xfs +
                              "</cellXfs></styleSheet>"},
    };
    if (!shared.empty())
        parts.emplace_back("xl/sharedStrings.xml", "<?xml version=\"1.0\"?><sst " + ns + ">" + shared + "</sst>");
    write_zip(path, parts);
}

// A minimal Word document whose body is `body` (WordprocessingML: w:p, w:tbl, ...), reached as
// Word reaches it, through the package's relationships.
inline void write_docx(const std::string& path, const std::string& body) {
    write_zip(path, {
        {"[Content_Types].xml", "<?xml version=\"1.0\"?><Types/>"},
        {"_rels/.rels",
         "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
         "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
         "officeDocument\" Target=\"word/document.xml\"/></Relationships>"},
        {"word/document.xml",
         "<?xml version=\"1.0\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
         "<w:body>" + body + "</w:body></w:document>"},
    });
}

}  // namespace sightline::test
