// Writing the window's pixels to a PNG (stb_image_write), for tests and documentation.
#pragma once

#include <string>

namespace sightline::viewer {

// Reads the back buffer (width x height) and writes it to path as PNG. Returns an error text or "".
std::string write_screenshot(const std::string& path, int width, int height);

}  // namespace sightline::viewer
