// TextStore: owns the bytes that entries' string_views point into.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace sightline::engine {

// An append-only arena of text. Views it hands out stay valid for its lifetime, so entries
// can hold std::string_view without a heap allocation each. Whole file buffers can be
// adopted so that readers point into them without copying.
class TextStore {
public:
    TextStore() = default;
    TextStore(const TextStore&) = delete;
    TextStore& operator=(const TextStore&) = delete;
    TextStore(TextStore&&) noexcept = default;
    TextStore& operator=(TextStore&&) noexcept = default;

    // Copies text into the arena and returns a view of the copy.
    std::string_view store(std::string_view text);
    // Takes ownership of a buffer; views into it stay valid.
    void adopt(std::unique_ptr<char[]> buffer, std::size_t size);
    // Moves every block of another store into this one (views stay valid).
    void absorb(TextStore&& other);
    // Bytes held.
    [[nodiscard]] std::size_t bytes() const { return m_bytes; }

private:
    static constexpr std::size_t k_block = 1u << 20;  // bytes per arena block
    std::vector<std::unique_ptr<char[]>> m_blocks;
    char* m_cursor = nullptr;
    std::size_t m_left = 0;
    std::size_t m_bytes = 0;
};

}  // namespace sightline::engine
