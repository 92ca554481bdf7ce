// Byte scanning: each search against its reference loop, on random buffers of every length to
// 100 and on matches either side of a 16-byte block's edge.
#include "byte_scan.hpp"

#include <gtest/gtest.h>

#include <cstddef>
#include <random>
#include <string>
#include <vector>

namespace scan = sightline::formats::detail::byte_scan;

namespace {

// Bytes drawn from a small alphabet so that every search finds something often, and not always
// in the first block: the bytes searched for, ASCII letters, and bytes from 0x80 up.
std::string random_bytes(std::mt19937& rng, std::size_t n) {
    static constexpr char k_alphabet[] = {',', '"', '\n',   '\r',   ';',    '\t',  'a',
                                          'b', ' ', '\x7F', '\x80', '\xC3', '\xFF'};
    std::uniform_int_distribution<std::size_t> common(0, 7);  // mostly 'a': long runs without a match
    std::uniform_int_distribution<std::size_t> pick(0, sizeof k_alphabet - 1);
    std::string s(n, 'a');
    for (char& c : s)
        if (common(rng) == 0) c = k_alphabet[pick(rng)];
    return s;
}

// Offset of a found pointer, for readable failures.
std::ptrdiff_t at(const std::string& s, const char* p) {
    return p - s.data();
}

// Every search of the header, by the fastest version and by the reference, on s[from, size).
void expect_same(const std::string& s, std::size_t from = 0) {
    const char* const p = s.data() + from;
    const char* const end = s.data() + s.size();
    EXPECT_EQ(at(s, scan::find_any(p, end, ',')), at(s, scan::reference::find_any(p, end, ','))) << s.size();
    EXPECT_EQ(at(s, scan::find_any(p, end, '"', '\n')), at(s, scan::reference::find_any(p, end, '"', '\n')))
        << s.size();
    EXPECT_EQ(at(s, scan::find_any(p, end, ';', '\n', '\r')),
              at(s, scan::reference::find_any(p, end, ';', '\n', '\r')))
        << s.size();
    EXPECT_EQ(at(s, scan::find_any(p, end, ',', '"', '\n', '\r')),
              at(s, scan::reference::find_any(p, end, ',', '"', '\n', '\r')))
        << s.size();
    EXPECT_EQ(at(s, scan::find_any(p, end, '\xFF')), at(s, scan::reference::find_any(p, end, '\xFF')))
        << s.size();
    EXPECT_EQ(scan::count_line_ends(p, end), scan::reference::count_line_ends(p, end)) << s.size();
    EXPECT_EQ(at(s, scan::find_non_ascii(p, end)), at(s, scan::reference::find_non_ascii(p, end)))
        << s.size();
#if defined(__SSE2__)
    // The unqualified names are the SSE2 versions here; say so, so that this test cannot pass by
    // comparing the reference with itself.
    EXPECT_EQ(at(s, scan::sse2::find_any(p, end, ',', '"', '\n', '\r')),
              at(s, scan::reference::find_any(p, end, ',', '"', '\n', '\r')));
    EXPECT_EQ(scan::sse2::count_line_ends(p, end), scan::reference::count_line_ends(p, end));
    EXPECT_EQ(at(s, scan::sse2::find_non_ascii(p, end)), at(s, scan::reference::find_non_ascii(p, end)));
#endif
}

}  // namespace

TEST(ByteScan, ReferenceDefinitions) {
    const std::string s = "ab,c\"d\n\xC3\xA9";
    const char* const end = s.data() + s.size();
    EXPECT_EQ(at(s, scan::reference::find_any(s.data(), end, ',')), 2);
    EXPECT_EQ(at(s, scan::reference::find_any(s.data(), end, '\n', '"')), 4);
    EXPECT_EQ(scan::reference::find_any(s.data(), end, ';'), end);
    EXPECT_EQ(scan::reference::count_line_ends(s.data(), end), 1u);
    const std::string lines = "a\r\nb\rc\n\n\r";  // \r\n, a lone \r, two \n, and a \r at the end
    EXPECT_EQ(scan::reference::count_line_ends(lines.data(), lines.data() + lines.size()), 5u);
    EXPECT_EQ(scan::reference::count_line_ends(lines.data(), lines.data() + 2), 1u);  // "a\r": its \n is not in it
    EXPECT_EQ(at(s, scan::reference::find_non_ascii(s.data(), end)), 7);
    EXPECT_EQ(scan::reference::find_non_ascii(s.data(), s.data() + 7), s.data() + 7);
}

TEST(ByteScan, MatchesTheReferenceOnRandomBuffersOfEveryLength) {
    std::mt19937 rng(20261207);
    for (std::size_t n = 0; n <= 100; ++n) {
        for (int round = 0; round < 50; ++round) {
            const std::string s = random_bytes(rng, n);
            expect_same(s);
            if (n > 0) expect_same(s, n / 3);  // a start that is not the buffer's
        }
    }
}

TEST(ByteScan, FindsAMatchEitherSideOfABlockEdge) {
    for (const std::size_t n : {16u, 17u, 31u, 32u, 33u, 64u, 65u, 100u, 300u}) {
        for (const std::size_t where : {0u, 14u, 15u, 16u, 17u, 31u, 32u, 47u, 48u, 63u, 64u, 65u, 99u}) {
            if (where >= n) continue;
            for (const char c : {',', '"', '\n', '\r', '\x80', '\xFF'}) {
                std::string s(n, 'x');
                s[where] = c;
                expect_same(s);
                const char* const begin = s.data();
                const char* const end = begin + s.size();
                const auto expected = static_cast<std::ptrdiff_t>(where);
                if (c == ',') {
                    EXPECT_EQ(at(s, scan::find_any(begin, end, ',', '"', '\n', '\r')), expected);
                } else if (c == '\x80') {
                    EXPECT_EQ(at(s, scan::find_non_ascii(begin, end)), expected);
                } else if (c == '\n' || c == '\r') {
                    EXPECT_EQ(scan::count_line_ends(begin, end), 1u);
                }
            }
        }
        // At the very end, and nowhere.
        std::string s(n, 'x');
        s.back() = '\r';
        expect_same(s);
        EXPECT_EQ(at(s, scan::find_any(s.data(), s.data() + n, '\n', '\r')),
                  static_cast<std::ptrdiff_t>(n - 1));
        s.back() = 'x';
        expect_same(s);
        EXPECT_EQ(scan::find_any(s.data(), s.data() + n, ',', '"', '\n', '\r'), s.data() + n);
        EXPECT_EQ(scan::find_non_ascii(s.data(), s.data() + n), s.data() + n);
        EXPECT_EQ(scan::count_line_ends(s.data(), s.data() + n), 0u);
    }
}

// A carriage return and a line feed either side of a block's edge are one line end; a carriage
// return at a block's last byte looks at the next block's first.
TEST(ByteScan, CountsALineEndSplitByABlockEdgeOnce) {
    for (const std::size_t cr : {14u, 15u, 16u, 31u, 32u, 47u}) {
        std::string s(64, 'x');
        s[cr] = '\r';
        s[cr + 1] = '\n';
        EXPECT_EQ(scan::count_line_ends(s.data(), s.data() + s.size()), 1u) << cr;
        expect_same(s);
        s[cr + 1] = 'x';  // now a lone \r
        EXPECT_EQ(scan::count_line_ends(s.data(), s.data() + s.size()), 1u) << cr;
        expect_same(s);
    }
    const std::string crlf_lines = [] {
        std::string t;
        for (int i = 0; i < 1000; ++i) t += "row " + std::to_string(i) + ",text\r\n";
        return t;
    }();
    EXPECT_EQ(scan::count_line_ends(crlf_lines.data(), crlf_lines.data() + crlf_lines.size()), 1000u);
    // The SSE2 count empties its byte counters every 255 blocks: count across several emptyings.
    const std::string all_ends(255 * 16 * 3 + 7, '\n');
    EXPECT_EQ(scan::count_line_ends(all_ends.data(), all_ends.data() + all_ends.size()), all_ends.size());
    std::mt19937 rng(7);
    const std::string r = random_bytes(rng, 255 * 16 * 2 + 100);
    expect_same(r);
}

TEST(ByteScan, ReturnsAMutablePointerIntoAMutableBuffer) {
    std::string s = "abc,def";
    char* const hit = scan::find_any(s.data(), s.data() + s.size(), ',');
    *hit = ';';
    EXPECT_EQ(s, "abc;def");
}
