package org.modesweep.jobs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The one-way data flow of DESIGN.md, checked on the compiled classes: core knows nothing of Spark, Hadoop or the
 * command line; the Spark module defines no physics (no dynamics, no integrator); what executors load draws
 * nothing; and no package depends on itself through others.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.modesweep");
    }

    @Test
    void coreImportsNoSparkHadoopOrCli() {
        noClasses().that().resideInAPackage("org.modesweep.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "org.apache.hadoop..", "picocli..",
                "org.modesweep.spark..", "org.modesweep.jobs..")
            .check(classes);
    }

    @Test
    void sparkAndJobsDefineNoPhysics() {
        noClasses().that().resideInAnyPackage("org.modesweep.spark..", "org.modesweep.jobs..")
            .should().implement(org.modesweep.core.Dynamics.class)
            .orShould().dependOnClassesThat().resideInAnyPackage("org.hipparchus.ode..")
            .check(classes);
    }

    @Test
    void executorCodeDrawsNothing() {
        noClasses().that().haveSimpleNameStartingWith("ComputePartition")
            .or().haveSimpleNameStartingWith("TrajectoryRows").or().haveSimpleNameStartingWith("TrajectoryColumn")
            .or().haveSimpleNameStartingWith("ComputedPoint")
            .should().dependOnClassesThat().resideInAnyPackage("org.modesweep.core.plot..", "org.modesweep.core.figure..",
                "org.jfree..")
            .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.modesweep.(**)").should().beFreeOfCycles().check(classes);
    }
}
