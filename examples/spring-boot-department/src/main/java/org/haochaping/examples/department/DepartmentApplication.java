package org.haochaping.examples.department;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A department system (部门业务系统) of the 天津市市场监督管理委员会 (fictitious codes): it records the cases (办件, Art. 5)
 * it handles and the evaluations its own site collects (专网业务系统, Art. 9(二)) in its own tables, and reports both to
 * the central 好差评 platform through hcp-spring-boot-starter's outbox, in the same transaction.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DepartmentApplication {

    public static void main(String[] args) {
        SpringApplication.run(DepartmentApplication.class, args);
    }
}
