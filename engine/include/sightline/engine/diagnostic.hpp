// Diagnostics: located, coded messages about a user's input (never a programmer's mistake).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <vector>

namespace sightline::engine {

enum class Severity : std::uint8_t { Note, Warning, Error };

// One message about one place in the input, printed like a compiler:
// `agencies/police.csv:14:3: error: date '31/02/2015' does not exist [date-invalid]`.
struct Diagnostic {
    Severity severity = Severity::Error;
    std::string file;          // as the user named it, relative to the case where possible
    std::uint32_t line = 0;    // 1-based; 0 when the message is about the whole file
    std::uint32_t column = 0;  // 1-based; 0 when unknown
    std::string code;          // stable kebab-case code, e.g. "date-invalid"
    std::string message;       // lowercase, specific, quotes the bad value
    std::uint32_t table = 0;   // Word documents: the 1-based table, whose row is `line`; 0 otherwise
};

// A list of diagnostics with convenience adders.
class Diagnostics {
public:
    void add(Severity s, std::string file, std::uint32_t line, std::uint32_t column, std::string code,
             std::string message) {
        if (s == Severity::Error) ++m_errors;
        if (s == Severity::Warning) ++m_warnings;
        m_items.push_back({s, std::move(file), line, column, std::move(code), std::move(message)});
    }
    void add(Diagnostic d) {
        if (d.severity == Severity::Error) ++m_errors;
        if (d.severity == Severity::Warning) ++m_warnings;
        m_items.push_back(std::move(d));
    }
    void append(const Diagnostics& other) {
        for (const Diagnostic& d : other.m_items) add(d);
    }
    [[nodiscard]] const std::vector<Diagnostic>& items() const { return m_items; }
    // For amending a message already added (e.g. a count known only at the end of a file).
    [[nodiscard]] Diagnostic& at(std::size_t i) { return m_items[i]; }
    [[nodiscard]] std::size_t size() const { return m_items.size(); }
    [[nodiscard]] std::size_t error_count() const { return m_errors; }
    [[nodiscard]] std::size_t warning_count() const { return m_warnings; }
    [[nodiscard]] bool has_errors() const { return m_errors > 0; }
    [[nodiscard]] bool empty() const { return m_items.empty(); }
    // Orders by file, line, column, keeping insertion order for ties.
    void sort();

private:
    std::vector<Diagnostic> m_items;
    std::size_t m_errors = 0;
    std::size_t m_warnings = 0;
};

// The one exception for "cannot continue" (e.g. an unreadable file). It carries a diagnostic.
class Error : public std::runtime_error {
public:
    explicit Error(Diagnostic d) : std::runtime_error(d.message), m_diagnostic(std::move(d)) {}
    [[nodiscard]] const Diagnostic& diagnostic() const { return m_diagnostic; }

private:
    Diagnostic m_diagnostic;
};

// "error", "warning" or "note".
const char* to_string(Severity s);

}  // namespace sightline::engine
