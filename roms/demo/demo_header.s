| demo_header.s - cartridge header of the bundled demo ROM.
    .include "md.inc"
    ROM_HEADER "MDEMU DEMO", "GM MDEMU001-00", "JUE", "J"
