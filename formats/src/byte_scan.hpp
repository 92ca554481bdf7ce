// Byte scanning: the few searches the readers and writers make over whole files and cells, in one
// place. Each has a plain loop in byte_scan::reference (its definition, and what runs where the
// processor has no SSE2) and a version in byte_scan::sse2 that looks at 16 bytes at a time; the
// unqualified names call the fastest one available. tests/formats/byte_scan_test.cpp holds the
// two to the same answers. No SSE2 intrinsic belongs anywhere else. Internal to sightline_formats.
//
// [SECTION] Reference: the definitions
// [SECTION] SSE2: sixteen bytes at a time
// [SECTION] The searches to call
#pragma once

#include <bit>
#include <concepts>
#include <cstddef>
#include <type_traits>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace sightline::formats::detail::byte_scan {

// char or const char: a search over a mutable buffer returns a mutable pointer.
template <class Char>
concept ByteChar = std::same_as<std::remove_const_t<Char>, char>;

// One to four bytes to look for.
template <class... Bytes>
concept FewBytes = sizeof...(Bytes) >= 1 && sizeof...(Bytes) <= 4 && (std::same_as<Bytes, char> && ...);

// [SECTION] Reference: the definitions

namespace reference {

// The first byte in [p, end) that is one of bytes, else end.
template <ByteChar Char, class... Bytes>
    requires FewBytes<Bytes...>
Char* find_any(Char* p, Char* const end, Bytes... bytes) {
    for (; p < end; ++p)
        if (((*p == bytes) || ...)) return p;
    return end;
}

// How many line ends [p, end) holds: each \n, and each \r not followed by one (a \r\n is one
// line end, counted by its \n; a \r at the very end counts).
inline std::size_t count_line_ends(const char* p, const char* const end) {
    std::size_t n = 0;
    for (; p < end; ++p)
        if (*p == '\n' || (*p == '\r' && (p + 1 == end || p[1] != '\n'))) ++n;
    return n;
}

// The first byte in [p, end) that is not ASCII (0x80 or above), else end.
inline const char* find_non_ascii(const char* p, const char* const end) {
    for (; p < end; ++p)
        if (static_cast<unsigned char>(*p) >= 0x80) return p;
    return end;
}

}  // namespace reference

// [SECTION] SSE2: sixteen bytes at a time

#if defined(__SSE2__)
namespace sse2 {

// The 16 bytes at p, which need no alignment.
inline __m128i load(const char* p) { return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p)); }

template <ByteChar Char, class... Bytes>
    requires FewBytes<Bytes...>
Char* find_any(Char* p, Char* const end, Bytes... bytes) {
    const __m128i wanted[] = {_mm_set1_epi8(bytes)...};
    for (; end - p >= 16; p += 16) {
        const __m128i v = load(p);
        __m128i hit = _mm_cmpeq_epi8(v, wanted[0]);
        for (std::size_t k = 1; k < sizeof...(Bytes); ++k)
            hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, wanted[k]));
        const auto mask = static_cast<unsigned>(_mm_movemask_epi8(hit));  // bit i: byte i matched
        if (mask != 0) return p + std::countr_zero(mask);
    }
    return reference::find_any(p, end, bytes...);
}

inline std::size_t count_line_ends(const char* p, const char* const end) {
    const __m128i lf = _mm_set1_epi8('\n'), cr = _mm_set1_epi8('\r'), zero = _mm_setzero_si128();
    std::size_t n = 0;
    // Seventeen bytes a step are read: the byte after a carriage return says whether it ends a line.
    while (end - p >= 17) {
        // A counter per byte lane (a line end is -1, so subtracting it adds one), emptied into n
        // every 255 blocks, before one can overflow.
        __m128i counts = zero;
        for (int k = 0; k < 255 && end - p >= 17; ++k, p += 16) {
            const __m128i here = load(p), next = load(p + 1);
            const __m128i lone_cr = _mm_andnot_si128(_mm_cmpeq_epi8(next, lf), _mm_cmpeq_epi8(here, cr));
            counts = _mm_sub_epi8(counts, _mm_or_si128(_mm_cmpeq_epi8(here, lf), lone_cr));
        }
        const __m128i sums = _mm_sad_epu8(counts, zero);  // two sums of eight lanes, each under 2^16
        n += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) +
             static_cast<std::size_t>(_mm_cvtsi128_si32(_mm_unpackhi_epi64(sums, sums)));
    }
    return n + reference::count_line_ends(p, end);
}

inline const char* find_non_ascii(const char* p, const char* const end) {
    // 64 bytes a step while all are ASCII (most of a chronology is), then 16 to place the first
    // that is not: its top bit is set, which is what movemask gathers.
    for (; end - p >= 64; p += 64) {
        const __m128i any =
            _mm_or_si128(_mm_or_si128(load(p), load(p + 16)), _mm_or_si128(load(p + 32), load(p + 48)));
        if (_mm_movemask_epi8(any) != 0) break;
    }
    for (; end - p >= 16; p += 16) {
        const auto mask = static_cast<unsigned>(_mm_movemask_epi8(load(p)));
        if (mask != 0) return p + std::countr_zero(mask);
    }
    return reference::find_non_ascii(p, end);
}

}  // namespace sse2
#endif

// [SECTION] The searches to call

#if defined(__SSE2__)
namespace fastest = sse2;
#else
namespace fastest = reference;
#endif

// The first byte in [p, end) that is one of bytes (one to four chars), else end.
template <ByteChar Char, class... Bytes>
    requires FewBytes<Bytes...>
Char* find_any(Char* p, Char* const end, Bytes... bytes) {
    return fastest::find_any(p, end, bytes...);
}

// How many line ends [p, end) holds: each \n, and each \r not followed by one.
inline std::size_t count_line_ends(const char* p, const char* const end) {
    return fastest::count_line_ends(p, end);
}

// The first byte in [p, end) that is not ASCII (0x80 or above), else end.
inline const char* find_non_ascii(const char* p, const char* const end) {
    return fastest::find_non_ascii(p, end);
}

}  // namespace sightline::formats::detail::byte_scan
