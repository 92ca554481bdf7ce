// Fuzzes the native YAML readers. The first byte picks what the rest is: a manifest (case.yaml,
// with inline entries), an agency chronology read after a small manifest, or a spreadsheet
// mapping. Rows read = entries made + rows rejected must hold for any input.
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_case.hpp"
#include "readers.hpp"

using namespace sightline;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 1) return 0;
    const std::uint8_t mode = data[0] % 3;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    if (mode == 0) {
        engine::Case c;
        (void)formats::detail::read_manifest(c, "case.yaml", text);
        fuzz::check_accounting(c);
    } else if (mode == 1) {
        engine::Case c = fuzz::small_case("yaml");
        formats::detail::read_agency_yaml(c, static_cast<engine::SourceId>(0), c.sources[0].opened, text);
        fuzz::check_accounting(c);
    } else {
        engine::Case c = fuzz::small_case("csv");
        (void)formats::detail::read_mapping(c, "police.mapping.yaml", text);
    }
    return 0;
}
