// Office Open XML packages: the zip with its size guards, and XML helpers.
#include "ooxml.hpp"

#include <zip.h>

#include <cstdio>

namespace sightline::formats::detail {

namespace {

std::string size_text(std::uint64_t bytes) {
    char buf[32];
    const double mib = static_cast<double>(bytes) / (1024.0 * 1024.0);
    std::snprintf(buf, sizeof buf, "%.1f MiB", mib);
    return buf;
}

// A target relative to a part's folder ("worksheets/sheet1.xml" in "xl/"); "/x" is absolute.
std::string resolve(std::string_view target, std::string_view folder) {
    if (!target.empty() && target.front() == '/') return std::string(target.substr(1));
    return std::string(folder) + std::string(target);
}

}  // namespace

std::string lowercase_first(std::string s) {
    if (!s.empty() && s[0] >= 'A' && s[0] <= 'Z') s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
}

ZipParts::ZipParts(std::string_view bytes, const XlsxLimits& limits, std::string format, std::string noun)
    : m_limits(limits), m_format(std::move(format)), m_noun(std::move(noun)) {
    zip_error_t e;
    zip_error_init(&e);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &e);
    if (src) {
        m_zip = zip_open_from_source(src, ZIP_RDONLY, &e);
        if (!m_zip) zip_source_free(src);  // on success the archive owns the source
    }
    if (!m_zip) m_open_error = lowercase_first(zip_error_strerror(&e));
    zip_error_fini(&e);
}

ZipParts::~ZipParts() {
    if (m_zip) zip_discard(m_zip);
}

bool ZipParts::has(const std::string& name) const {
    return zip_name_locate(m_zip, name.c_str(), ZIP_FL_NOCASE) >= 0;
}

std::optional<std::string> ZipParts::read(const std::string& name, std::optional<PackageFailure>& failure) {
    const zip_int64_t index = zip_name_locate(m_zip, name.c_str(), ZIP_FL_NOCASE);
    if (index < 0) {
        failure = PackageFailure{invalid(), "the " + m_noun + " has no part '" + name + "'"};
        return std::nullopt;
    }
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(m_zip, static_cast<zip_uint64_t>(index), 0, &st) != 0) {
        failure = PackageFailure{invalid(), "cannot read part '" + name + "': " + zip_strerror(m_zip)};
        return std::nullopt;
    }
    if ((st.valid & ZIP_STAT_SIZE) && !too_big(name, st.size, failure)) return std::nullopt;
    zip_file_t* f = zip_fopen_index(m_zip, static_cast<zip_uint64_t>(index), 0);
    if (!f) {
        failure = PackageFailure{invalid(), "cannot read part '" + name + "': " + zip_strerror(m_zip)};
        return std::nullopt;
    }
    std::string out;
    if (st.valid & ZIP_STAT_SIZE) out.reserve(static_cast<std::size_t>(st.size));
    char buf[1 << 16];
    for (;;) {
        const zip_int64_t n = zip_fread(f, buf, sizeof buf);
        if (n < 0) {
            failure = PackageFailure{invalid(), "cannot read part '" + name + "': " + zip_file_strerror(f)};
            zip_fclose(f);
            return std::nullopt;
        }
        if (n == 0) break;
        out.append(buf, static_cast<std::size_t>(n));
        // The header may lie: count what actually comes out.
        if (!too_big(name, out.size(), failure)) {
            zip_fclose(f);
            return std::nullopt;
        }
    }
    zip_fclose(f);
    m_total += out.size();
    return out;
}

std::optional<pugi::xml_document> ZipParts::parse(std::string& text, const std::string& name,
                                                  std::optional<PackageFailure>& failure) const {
    pugi::xml_document doc;
    const pugi::xml_parse_result r =
        doc.load_buffer_inplace(text.data(), text.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!r) {
        failure = PackageFailure{invalid(), "part '" + name + "' is not well-formed xml (" +
                                                lowercase_first(r.description()) + " at byte " +
                                                std::to_string(r.offset) + ")"};
        return std::nullopt;
    }
    return doc;
}

bool ZipParts::too_big(const std::string& name, std::uint64_t size,
                       std::optional<PackageFailure>& failure) const {
    if (size > m_limits.max_part_bytes)
        failure =
            PackageFailure{m_format + "-too-large", "part '" + name + "' expands to more than " +
                                                        size_text(m_limits.max_part_bytes) +
                                                        "; refused (is the file damaged or a zip bomb?)"};
    else if (m_total + size > m_limits.max_total_bytes)
        failure =
            PackageFailure{m_format + "-too-large", "the " + m_noun + " expands to more than " +
                                                        size_text(m_limits.max_total_bytes) +
                                                        "; refused (is the file damaged or a zip bomb?)"};
    else
        return true;
    return false;
}

std::string_view local(const pugi::xml_node& n) {
    const std::string_view name = n.name();
    const std::size_t colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

pugi::xml_node child(const pugi::xml_node& n, std::string_view name) {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local(c) == name) return c;
    return {};
}

pugi::xml_attribute attribute(const pugi::xml_node& n, std::string_view name) {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
        std::string_view an = a.name();
        const std::size_t colon = an.find(':');
        if (colon != std::string_view::npos) an = an.substr(colon + 1);
        if (an == name) return a;
    }
    return {};
}

std::string relationship_target(const pugi::xml_document& rels, std::string_view id,
                                std::string_view folder) {
    for (pugi::xml_node r = rels.document_element().first_child(); r; r = r.next_sibling())
        if (local(r) == "Relationship" && attribute(r, "Id").value() == id)
            return resolve(attribute(r, "Target").value(), folder);
    return {};
}

std::string relationship_of_type(const pugi::xml_document& rels, std::string_view type_suffix,
                                 std::string_view folder) {
    for (pugi::xml_node r = rels.document_element().first_child(); r; r = r.next_sibling()) {
        const std::string_view type = attribute(r, "Type").value();
        if (local(r) == "Relationship" && type.size() >= type_suffix.size() &&
            type.substr(type.size() - type_suffix.size()) == type_suffix)
            return resolve(attribute(r, "Target").value(), folder);
    }
    return {};
}

}  // namespace sightline::formats::detail
