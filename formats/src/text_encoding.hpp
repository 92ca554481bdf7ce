// Text encodings of spreadsheet exports: UTF-8 (with or without a BOM), UTF-16 (Excel's
// "Unicode text") and Windows-1252 (Excel's "CSV" on a UK Windows machine). Internal to
// sightline_formats.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "sightline/formats/io.hpp"

namespace sightline::formats::detail {

// What a file's bytes turned out to be.
enum class TextEncoding : std::uint8_t { Utf8, Utf8Bom, Utf16Le, Utf16Be, Windows1252 };

// A file's text as UTF-8, and what it was before.
struct DecodedText {
    FileBuffer buffer;                 // UTF-8 and NUL-terminated: the input itself when it was UTF-8
    std::size_t offset = 0;            // bytes of a byte order mark to skip
    TextEncoding encoding = TextEncoding::Utf8;
    std::uint32_t first_bad_line = 0;  // Windows-1252: 1-based line of the first byte that is not UTF-8
    std::string first_bad_excerpt;     // Windows-1252: that line, converted, cut to 60 characters

    // The text, without its byte order mark.
    [[nodiscard]] std::string_view text() const { return buffer.view().substr(offset); }
    // Mutable start of the text (the reader unescapes quoted cells in place).
    [[nodiscard]] char* data() { return buffer.data.get() + offset; }
};

// Byte offset of the first invalid UTF-8 sequence (overlong forms, surrogates and values past
// U+10FFFF are invalid), or std::string_view::npos when the whole text is valid.
std::size_t find_invalid_utf8(std::string_view text);

// Converts Windows-1252 to UTF-8 (0x80-0x9F by the full Windows table; the five bytes Windows
// leaves undefined become the C1 control of the same value).
std::string windows1252_to_utf8(std::string_view text);

// Decodes a file: strips a UTF-8 BOM, converts UTF-16 with a BOM, and converts text that is not
// valid UTF-8 from Windows-1252 (recording where, so that the caller can warn).
DecodedText decode_text(FileBuffer raw);

// Appends a code point as UTF-8.
void append_utf8(std::string& out, std::uint32_t code_point);

}  // namespace sightline::formats::detail
