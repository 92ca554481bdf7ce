// Text encodings: UTF-8 validation, Windows-1252 and UTF-16 conversion.
#include "text_encoding.hpp"

#include <array>
#include <cstring>

#include "byte_scan.hpp"

namespace sightline::formats::detail {

namespace {

// Windows-1252 0x80-0x9F; 0x81, 0x8D, 0x8F, 0x90 and 0x9D are undefined and map to themselves.
constexpr std::array<std::uint16_t, 32> k_cp1252_high = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

FileBuffer to_buffer(const std::string& text) {
    FileBuffer b;
    b.data = std::make_unique_for_overwrite<char[]>(text.size() + 1);
    std::memcpy(b.data.get(), text.data(), text.size());
    b.data[text.size()] = '\0';
    b.size = text.size();
    return b;
}

std::string utf16_to_utf8(std::string_view bytes, bool little_endian) {
    std::string out;
    out.reserve(bytes.size());
    auto unit = [&](std::size_t i) -> std::uint32_t {
        const auto a = static_cast<unsigned char>(bytes[i]);
        const auto b = static_cast<unsigned char>(bytes[i + 1]);
        return little_endian ? (static_cast<std::uint32_t>(b) << 8 | a) : (static_cast<std::uint32_t>(a) << 8 | b);
    };
    for (std::size_t i = 0; i + 1 < bytes.size(); i += 2) {
        std::uint32_t u = unit(i);
        if (u >= 0xD800 && u <= 0xDBFF && i + 3 < bytes.size()) {
            const std::uint32_t low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                u = 0x10000 + ((u - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            } else {
                u = 0xFFFD;
            }
        } else if (u >= 0xD800 && u <= 0xDFFF) {
            u = 0xFFFD;  // an unpaired surrogate
        }
        append_utf8(out, u);
    }
    return out;
}

}  // namespace

void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

std::size_t find_invalid_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        // Skip to the next byte that is not ASCII: most of a chronology is ASCII.
        const char* const next = byte_scan::find_non_ascii(text.data() + i, text.data() + n);
        i = static_cast<std::size_t>(next - text.data());
        if (i >= n) break;
        const unsigned char c = s[i];
        std::size_t len = 0;
        std::uint32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1Fu;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0Fu;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07u;
        } else {
            return i;
        }
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            if ((s[i + k] & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (s[i + k] & 0x3Fu);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::string_view::npos;
}

std::string windows1252_to_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x80) out.push_back(ch);
        else if (c < 0xA0) append_utf8(out, k_cp1252_high[c - 0x80u]);
        else append_utf8(out, c);
    }
    return out;
}

DecodedText decode_text(FileBuffer raw) {
    DecodedText d;
    const std::string_view bytes = raw.view();
    if (bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" || bytes.substr(0, 2) == "\xFE\xFF")) {
        const bool le = bytes[0] == '\xFF';
        d.encoding = le ? TextEncoding::Utf16Le : TextEncoding::Utf16Be;
        d.buffer = to_buffer(utf16_to_utf8(bytes.substr(2), le));
        return d;
    }
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        d.encoding = TextEncoding::Utf8Bom;
        d.offset = 3;
    }
    const std::size_t bad = find_invalid_utf8(bytes.substr(d.offset));
    if (bad == std::string_view::npos) {
        d.buffer = std::move(raw);
        return d;
    }
    // Not UTF-8: Windows-1252, the encoding Excel uses for "CSV" on UK Windows machines.
    const std::size_t at = d.offset + bad;
    const std::size_t line_start = bytes.rfind('\n', at) == std::string_view::npos ? d.offset : bytes.rfind('\n', at) + 1;
    std::size_t line_end = bytes.find('\n', at);
    if (line_end == std::string_view::npos) line_end = bytes.size();
    d.encoding = TextEncoding::Windows1252;
    d.first_bad_line = 1;
    for (std::size_t i = d.offset; i < line_start; ++i)
        if (bytes[i] == '\n') ++d.first_bad_line;
    std::string line = windows1252_to_utf8(bytes.substr(line_start, line_end - line_start));
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
    // Cut to 60 characters, never inside a UTF-8 sequence.
    std::size_t chars = 0, cut = 0;
    while (cut < line.size() && chars < 60) {
        ++cut;
        while (cut < line.size() && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) ++cut;
        ++chars;
    }
    if (cut < line.size()) line = line.substr(0, cut) + "...";
    d.first_bad_excerpt = std::move(line);
    d.buffer = to_buffer(windows1252_to_utf8(bytes.substr(d.offset)));
    d.offset = 0;
    return d;
}

}  // namespace sightline::formats::detail
