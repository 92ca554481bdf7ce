// A small streaming JSON writer (objects, arrays, strings with full escaping).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sightline::formats {

class JsonWriter {
public:
    explicit JsonWriter(std::string& out) : m_out(out) {}

    void begin_object();
    void end_object();
    // Arrays whose items each start on a new line when one_per_line (readable diffs of entries).
    void begin_array(bool one_per_line = false);
    void end_array();
    void key(std::string_view k);
    void value(std::string_view v);
    void value(const char* v) { value(std::string_view(v)); }
    void value(std::int64_t v);
    void value(int v) { value(static_cast<std::int64_t>(v)); }
    void value(std::uint64_t v);
    void value(std::uint32_t v) { value(static_cast<std::uint64_t>(v)); }
    void value(bool v);
    // Shortest text that reads back to the same double; whole numbers without a point.
    // Not-a-number and infinities are written as null (JSON has no such numbers).
    void value(double v);
    void value(float v) { value(static_cast<double>(v)); }
    void null();

    // key + value in one call.
    template <class T>
    void field(std::string_view k, const T& v) {
        key(k);
        value(v);
    }

    // Appends s as a JSON string literal (quotes included).
    static void escape(std::string& out, std::string_view s);

private:
    void separate();
    struct Level {
        bool first = true;
        bool one_per_line = false;
    };
    std::string& m_out;
    std::vector<Level> m_levels;
    bool m_after_key = false;
};

}  // namespace sightline::formats
