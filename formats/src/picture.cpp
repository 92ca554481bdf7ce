// The display list, and its SVG back end.
#include "sightline/formats/picture.hpp"

#include <charconv>
#include <cmath>

#include "sightline/formats/io.hpp"
#include "xml_text.hpp"

namespace sightline::formats {

using engine::Rect;
using engine::Vec2;

// [SECTION] Display list

void Picture::rect(const Rect& r, const Paint& p, float radius) {
    Item item;
    item.shape = Shape::Rect;
    item.points = {at({r.x0, r.y0}), at({r.x1, r.y1})};
    item.radius = radius;
    item.paint = p;
    m_items.push_back(std::move(item));
}

void Picture::line(Vec2 a, Vec2 b, const Paint& p) {
    const Vec2 points[] = {a, b};
    polyline(points, p);
}

void Picture::polyline(std::span<const Vec2> points, const Paint& p) {
    Item item;
    item.shape = Shape::Polyline;
    for (const Vec2& v : points) item.points.push_back(at(v));
    item.paint = p;
    m_items.push_back(std::move(item));
}

void Picture::polygon(std::span<const Vec2> points, const Paint& p) {
    Item item;
    item.shape = Shape::Polygon;
    for (const Vec2& v : points) item.points.push_back(at(v));
    item.paint = p;
    m_items.push_back(std::move(item));
}

void Picture::circle(Vec2 centre, float radius, const Paint& p) {
    Item item;
    item.shape = Shape::Circle;
    item.points = {at(centre)};
    item.radius = radius;
    item.paint = p;
    m_items.push_back(std::move(item));
}

void Picture::text(Vec2 where, std::string_view text, const TextStyle& s) {
    if (text.empty()) return;
    Item item;
    item.shape = Shape::Text;
    item.points = {at(where)};
    item.text = std::string(text);
    item.text_style = s;
    m_items.push_back(std::move(item));
}

// [SECTION] SVG

namespace {

// A coordinate to one decimal place, without a trailing ".0".
std::string num(double v) {
    const double tenths = std::floor(v * 10 + 0.5);
    const auto whole = static_cast<std::int64_t>(tenths);
    char buf[32];
    char* p = buf;
    if (whole < 0) *p++ = '-';
    const std::int64_t a = whole < 0 ? -whole : whole;
    p = std::to_chars(p, buf + sizeof buf, a / 10).ptr;
    if (a % 10 != 0) {
        *p++ = '.';
        *p++ = static_cast<char>('0' + a % 10);
    }
    return {buf, p};
}

std::string colour(std::uint32_t rgb) {
    static constexpr char k_hex[] = "0123456789abcdef";
    std::string out = "#";
    for (int shift = 20; shift >= 0; shift -= 4) out.push_back(k_hex[(rgb >> shift) & 0xF]);
    return out;
}

std::string_view dasharray(Dash d) {
    switch (d) {
        case Dash::Solid: return "";
        case Dash::Dashed: return " stroke-dasharray=\"8 4\"";
        case Dash::ShortDashed: return " stroke-dasharray=\"4 3\"";
        case Dash::Dotted: return " stroke-dasharray=\"1 3.5\" stroke-linecap=\"round\"";
        case Dash::DashDot: return " stroke-dasharray=\"7 3 1 3\" stroke-linecap=\"round\"";
    }
    return "";
}

void paint(std::string& out, const Paint& p, bool open) {
    out += " fill=\"";
    out += p.fill == k_no_colour ? std::string("none") : colour(p.fill);
    out += "\"";
    if (p.stroke != k_no_colour && p.stroke_width > 0) {
        out += " stroke=\"" + colour(p.stroke) + "\" stroke-width=\"" + num(p.stroke_width) + "\"";
        out += dasharray(p.dash);
        if (open && p.dash == Dash::Solid) out += " stroke-linecap=\"round\"";
    }
    if (p.opacity < 1) out += " opacity=\"" + num(p.opacity) + "\"";
}

void points(std::string& out, const std::vector<Vec2>& ps) {
    out += " points=\"";
    for (std::size_t i = 0; i < ps.size(); ++i) {
        if (i) out.push_back(' ');
        out += num(ps[i].x) + "," + num(ps[i].y);
    }
    out += "\"";
}

}  // namespace

void write_picture_svg(const Picture& pic, std::string& out, bool standalone) {
    const std::string w = num(pic.width()), h = num(pic.height());
    if (standalone) out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + w + "\" height=\"" + h + "\" viewBox=\"0 0 " + w +
           " " + h + "\" font-family=\"DejaVu Sans, Verdana, Helvetica, Arial, sans-serif\"";
    out += standalone ? ">\n" : " role=\"img\" style=\"max-width:100%;height:auto\">\n";
    if (!pic.title().empty()) {
        out += "<title>";
        detail::append_xml_text(out, pic.title());
        out += "</title>\n";
    }
    out += "<rect x=\"0\" y=\"0\" width=\"" + w + "\" height=\"" + h + "\" fill=\"#fff\"/>\n";
    for (const Item& it : pic.items()) {
        switch (it.shape) {
            case Shape::Rect: {
                const Vec2 a = it.points[0], b = it.points[1];
                out += "<rect x=\"" + num(a.x) + "\" y=\"" + num(a.y) + "\" width=\"" + num(b.x - a.x) + "\" height=\"" +
                       num(b.y - a.y) + "\"";
                if (it.radius > 0) out += " rx=\"" + num(it.radius) + "\"";
                paint(out, it.paint, false);
                out += "/>\n";
                break;
            }
            case Shape::Polyline:
                if (it.points.size() == 2) {
                    out += "<line x1=\"" + num(it.points[0].x) + "\" y1=\"" + num(it.points[0].y) + "\" x2=\"" +
                           num(it.points[1].x) + "\" y2=\"" + num(it.points[1].y) + "\"";
                } else {
                    out += "<polyline";
                    points(out, it.points);
                }
                paint(out, it.paint, true);
                out += "/>\n";
                break;
            case Shape::Polygon:
                out += "<polygon";
                points(out, it.points);
                paint(out, it.paint, false);
                out += "/>\n";
                break;
            case Shape::Circle:
                out += "<circle cx=\"" + num(it.points[0].x) + "\" cy=\"" + num(it.points[0].y) + "\" r=\"" +
                       num(it.radius) + "\"";
                paint(out, it.paint, false);
                out += "/>\n";
                break;
            case Shape::Text: {
                const TextStyle& s = it.text_style;
                out += "<text x=\"" + num(it.points[0].x) + "\" y=\"" + num(it.points[0].y) + "\" font-size=\"" +
                       num(s.size) + "\"";
                if (s.bold) out += " font-weight=\"bold\"";
                if (s.italic) out += " font-style=\"italic\"";
                if (s.anchor == Anchor::Middle) out += " text-anchor=\"middle\"";
                if (s.anchor == Anchor::End) out += " text-anchor=\"end\"";
                out += " fill=\"" + colour(s.colour) + "\"";
                if (s.halo != k_no_colour && s.halo_width > 0)
                    out += " stroke=\"" + colour(s.halo) + "\" stroke-width=\"" + num(s.halo_width) +
                           "\" stroke-linejoin=\"round\" paint-order=\"stroke\"";
                if (s.opacity < 1) out += " opacity=\"" + num(s.opacity) + "\"";
                out += ">";
                detail::append_xml_text(out, it.text);
                out += "</text>\n";
                break;
            }
        }
    }
    out += "</svg>\n";
}

void write_picture_file(const Picture& p, const std::string& path) {
    const bool png = path.size() >= 4 && (path.compare(path.size() - 4, 4, ".png") == 0 ||
                                          path.compare(path.size() - 4, 4, ".PNG") == 0);
    if (png) {
        write_file_atomic(path, picture_png(p));
        return;
    }
    std::string out;
    write_picture_svg(p, out);
    write_file_atomic(path, out);
}

}  // namespace sightline::formats
