package org.haochaping.examples.department;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who this system is (application.yml, {@code department.*}): the department's unified social credit code, its name
 * and the area code of its level; a city-level department ({@code 120000}) receives its bad-review work orders
 * directly (Art. 18).
 */
@ConfigurationProperties(prefix = "department")
public record Department(String code, String name, String areaCode) {
}
