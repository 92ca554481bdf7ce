// Memory faulted in ahead of its first use: for the large buffers of a large case (a file's
// bytes, the entries array the accelerated reader fills).
#pragma once

#include <cstddef>

namespace sightline::formats::detail {

// Asks the kernel for the pages wholly inside [first, first + bytes) now, at once, rather than
// one fault at a time on their first use (fresh pages are costly on some machines). Only advice:
// where it is not supported nothing happens.
void populate_pages(void* first, std::size_t bytes);

}  // namespace sightline::formats::detail
