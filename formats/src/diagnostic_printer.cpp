// Printing diagnostics like a compiler.
#include "sightline/formats/diagnostic_printer.hpp"

namespace sightline::formats {

std::string format_diagnostic(const engine::Diagnostic& d) {
    std::string out;
    if (!d.file.empty()) {
        out += d.file;
        if (d.table > 0) {
            // A Word table's row: "police.docx:table 2:row 14".
            out += ":table " + std::to_string(d.table);
            if (d.line > 0) out += ":row " + std::to_string(d.line);
        } else if (d.line > 0) {
            out += ':' + std::to_string(d.line);
            if (d.column > 0) out += ':' + std::to_string(d.column);
        }
        out += ": ";
    }
    out += engine::to_string(d.severity);
    out += ": ";
    out += d.message;
    if (!d.code.empty()) out += " [" + d.code + "]";
    return out;
}

}  // namespace sightline::formats
