// Text encodings: UTF-8 validation, Windows-1252 and UTF-16 decoding.
#include "text_encoding.hpp"

#include <gtest/gtest.h>

#include <cstring>

using namespace sightline::formats;
using namespace sightline::formats::detail;

namespace {

FileBuffer buffer(std::string_view bytes) {
    FileBuffer b;
    b.data = std::make_unique<char[]>(bytes.size() + 1);
    std::memcpy(b.data.get(), bytes.data(), bytes.size());
    b.size = bytes.size();
    return b;
}

TEST(TextEncoding, FindsTheFirstInvalidUtf8Byte) {
    EXPECT_EQ(find_invalid_utf8("plain ascii, long enough to use the word loop"), std::string_view::npos);
    EXPECT_EQ(find_invalid_utf8("caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80"), std::string_view::npos);
    EXPECT_EQ(find_invalid_utf8("caf\xE9 au lait"), 3u);
    EXPECT_EQ(find_invalid_utf8("\xC0\xAF"), 0u);            // overlong '/'
    EXPECT_EQ(find_invalid_utf8("ab\xED\xA0\x80"), 2u);      // a surrogate
    EXPECT_EQ(find_invalid_utf8("\xF4\x90\x80\x80"), 0u);    // past U+10FFFF
    EXPECT_EQ(find_invalid_utf8("12345678\xE2\x80"), 8u);    // cut short at the end
}

TEST(TextEncoding, Windows1252HasTheFullTable) {
    EXPECT_EQ(windows1252_to_utf8("\x80\x85\x91\x92\x93\x94\x96\x97\x99\x9F"),
              "\xE2\x82\xAC\xE2\x80\xA6\xE2\x80\x98\xE2\x80\x99\xE2\x80\x9C\xE2\x80\x9D\xE2\x80\x93\xE2\x80\x94"
              "\xE2\x84\xA2\xC5\xB8");
    EXPECT_EQ(windows1252_to_utf8("caf\xE9 \xA3" "5"), "caf\xC3\xA9 \xC2\xA3" "5");
    EXPECT_EQ(windows1252_to_utf8("\x81\x8D"), "\xC2\x81\xC2\x8D");  // undefined bytes: C1 controls
}

TEST(TextEncoding, DecodesBomUtf16AndWindows1252) {
    DecodedText plain = decode_text(buffer("Date,Details\n"));
    EXPECT_EQ(plain.encoding, TextEncoding::Utf8);
    EXPECT_EQ(plain.text(), "Date,Details\n");

    DecodedText bom = decode_text(buffer("\xEF\xBB\xBF" "Date\n"));
    EXPECT_EQ(bom.encoding, TextEncoding::Utf8Bom);
    EXPECT_EQ(bom.text(), "Date\n");

    DecodedText le = decode_text(buffer(std::string_view("\xFF\xFE" "D\0a\0\xE9\0\n\0", 10)));
    EXPECT_EQ(le.encoding, TextEncoding::Utf16Le);
    EXPECT_EQ(le.text(), "Da\xC3\xA9\n");
    DecodedText be = decode_text(buffer(std::string_view("\xFE\xFF\0D\xD8\x3D\xDE\x00", 8)));
    EXPECT_EQ(be.text(), "D\xF0\x9F\x98\x80");

    DecodedText cp = decode_text(buffer("Date,Details\n01/02/2015,ok\n03/02/2015,Caf\xE9 visit \x96 seen\n"));
    EXPECT_EQ(cp.encoding, TextEncoding::Windows1252);
    EXPECT_EQ(cp.first_bad_line, 3u);
    EXPECT_EQ(cp.first_bad_excerpt, "03/02/2015,Caf\xC3\xA9 visit \xE2\x80\x93 seen");
    EXPECT_NE(cp.text().find("Caf\xC3\xA9 visit \xE2\x80\x93 seen\n"), std::string_view::npos);
}

}  // namespace
