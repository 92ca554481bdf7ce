// Text as XML character data.
#include "xml_text.hpp"

namespace sightline::formats::detail {

void append_xml_text(std::string& out, std::string_view text) {
    for (const char ch : text) {
        switch (ch) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default:
                if (static_cast<unsigned char>(ch) < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') out.push_back(' ');
                else out.push_back(ch);
        }
    }
}

}  // namespace sightline::formats::detail
