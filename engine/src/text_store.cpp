// TextStore: an append-only arena of text.
#include "sightline/engine/text_store.hpp"

#include <cstring>

namespace sightline::engine {

std::string_view TextStore::store(std::string_view text) {
    if (text.empty()) return {};
    if (text.size() > m_left) {
        // Large texts get a block of their own so the current block's tail is not wasted.
        if (text.size() > k_block / 4) {
            auto block = std::make_unique_for_overwrite<char[]>(text.size());
            std::memcpy(block.get(), text.data(), text.size());
            const std::string_view view{block.get(), text.size()};
            m_blocks.push_back(std::move(block));
            m_bytes += text.size();
            return view;
        }
        m_blocks.push_back(std::make_unique_for_overwrite<char[]>(k_block));  // untouched pages cost nothing
        m_cursor = m_blocks.back().get();
        m_left = k_block;
    }
    std::memcpy(m_cursor, text.data(), text.size());
    const std::string_view view{m_cursor, text.size()};
    m_cursor += text.size();
    m_left -= text.size();
    m_bytes += text.size();
    return view;
}

void TextStore::adopt(std::unique_ptr<char[]> buffer, std::size_t size) {
    // Block order is irrelevant: store() fills through m_cursor, which stays valid.
    m_blocks.push_back(std::move(buffer));
    m_bytes += size;
}

void TextStore::absorb(TextStore&& other) {
    for (auto& b : other.m_blocks) m_blocks.push_back(std::move(b));
    m_bytes += other.m_bytes;
    other.m_blocks.clear();
    other.m_cursor = nullptr;
    other.m_left = 0;
    other.m_bytes = 0;
}

}  // namespace sightline::engine
