// The Catch2 main of the unit tests (tests are tagged by the source folder they test).
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
