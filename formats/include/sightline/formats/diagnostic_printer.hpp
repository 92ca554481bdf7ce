// Printing diagnostics like a compiler: `file:line:col: error: message [code]`.
#pragma once

#include <string>

#include "sightline/engine/diagnostic.hpp"

namespace sightline::formats {

std::string format_diagnostic(const engine::Diagnostic& d);

}  // namespace sightline::formats
