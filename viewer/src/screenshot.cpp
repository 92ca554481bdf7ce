// Writing the window's pixels to a PNG.
#include "screenshot.hpp"

#include <GL/gl.h>
#include <stb_image_write.h>

#include <algorithm>
#include <string>
#include <vector>

#include "sightline/engine/diagnostic.hpp"
#include "sightline/formats/io.hpp"

namespace sightline::viewer {

std::string write_screenshot(const std::string& path, int width, int height) {
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    // OpenGL's rows run bottom to top; PNG's top to bottom.
    std::vector<unsigned char> flipped(pixels.size());
    const std::size_t row = static_cast<std::size_t>(width) * 3;
    for (int y = 0; y < height; ++y)
        std::copy_n(pixels.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(height - 1 - y) * row), row,
                    flipped.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(y) * row));
    std::string png;
    auto append = [](void* context, void* data, int size) {
        static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
    };
    if (!stbi_write_png_to_func(append, &png, width, height, 3, flipped.data(), static_cast<int>(row)))
        return "cannot encode the screenshot as PNG";
    try {
        formats::write_file_atomic(path, png);  // a reader never sees half a file
    } catch (const engine::Error& e) {
        return e.diagnostic().message;
    }
    return {};
}

}  // namespace sightline::viewer
