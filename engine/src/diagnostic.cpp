// Diagnostics: ordering and severity names.
#include "sightline/engine/diagnostic.hpp"

#include <algorithm>
#include <tuple>

namespace sightline::engine {

void Diagnostics::sort() {
    std::stable_sort(m_items.begin(), m_items.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.file, a.table, a.line, a.column) < std::tie(b.file, b.table, b.line, b.column);
    });
}

const char* to_string(Severity s) {
    switch (s) {
        case Severity::Note: return "note";
        case Severity::Warning: return "warning";
        case Severity::Error: return "error";
    }
    return "error";
}

}  // namespace sightline::engine
