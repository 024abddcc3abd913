-- Numeric typmods with negative scale and scale greater than precision (15+).
-- min-major: 15
CREATE SCHEMA stats;
CREATE TABLE stats.rounded (
    thousands numeric(6, -3),
    micro numeric(3, 5),
    plain numeric(10, 2) DEFAULT 1.5
);
