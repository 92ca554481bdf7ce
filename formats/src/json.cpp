// A small streaming JSON writer.
#include "sightline/formats/json.hpp"

#include <cassert>
#include <charconv>
#include <cmath>

namespace sightline::formats {

void JsonWriter::escape(std::string& out, std::string_view s) {
    static constexpr char k_hex[] = "0123456789abcdef";
    out.push_back('"');
    std::size_t run = 0;  // start of the current run of bytes needing no escape
    for (std::size_t i = 0; i < s.size(); ++i) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c >= 0x20 && c != '"' && c != '\\') continue;
        out.append(s.data() + run, i - run);
        run = i + 1;
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                out += "\\u00";
                out.push_back(k_hex[c >> 4]);
                out.push_back(k_hex[c & 0xF]);
        }
    }
    out.append(s.data() + run, s.size() - run);
    out.push_back('"');
}

void JsonWriter::separate() {
    if (m_after_key) {
        m_after_key = false;
        return;
    }
    if (m_levels.empty()) return;
    Level& l = m_levels.back();
    if (!l.first) m_out.push_back(',');
    if (l.one_per_line) m_out += "\n  ";
    l.first = false;
}

void JsonWriter::begin_object() {
    separate();
    m_out.push_back('{');
    m_levels.push_back({});
}

void JsonWriter::end_object() {
    assert(!m_levels.empty());
    m_levels.pop_back();
    m_out.push_back('}');
}

void JsonWriter::begin_array(bool one_per_line) {
    separate();
    m_out.push_back('[');
    m_levels.push_back({true, one_per_line});
}

void JsonWriter::end_array() {
    assert(!m_levels.empty());
    const bool newline = m_levels.back().one_per_line && !m_levels.back().first;
    m_levels.pop_back();
    if (newline) m_out.push_back('\n');
    m_out.push_back(']');
}

void JsonWriter::key(std::string_view k) {
    separate();
    escape(m_out, k);
    m_out.push_back(':');
    m_after_key = true;
}

void JsonWriter::value(std::string_view v) {
    separate();
    escape(m_out, v);
}

void JsonWriter::value(std::int64_t v) {
    separate();
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    m_out.append(buf, r.ptr);
}

void JsonWriter::value(std::uint64_t v) {
    separate();
    char buf[24];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    m_out.append(buf, r.ptr);
}

void JsonWriter::value(double v) {
    if (!std::isfinite(v)) {
        null();
        return;
    }
    separate();
    char buf[32];
    const auto r = std::to_chars(buf, buf + sizeof buf, v);
    m_out.append(buf, r.ptr);
}

void JsonWriter::value(bool v) {
    separate();
    m_out += v ? "true" : "false";
}

void JsonWriter::null() {
    separate();
    m_out += "null";
}

}  // namespace sightline::formats
