package org.modesweep.jobs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.modesweep.core.Dynamics;
import org.modesweep.core.Setup;
import org.modesweep.core.Trajectory;
import org.modesweep.core.sweep.DynamicsSpec;
import org.modesweep.core.sweep.SetupSpec;

/**
 * The one-way data flow of DESIGN.md, checked on the compiled classes: core knows nothing of Spark, Hadoop or the
 * command line; the Spark module defines no physics (no dynamics, no integrator); what executors load draws
 * nothing; no package depends on itself through others; and the dynamics families answer for themselves (DESIGN.md,
 * "dynamics as families"): nobody asks a dynamics, its trajectory or its spec block which type it is, and no method
 * refuses what its type declares.
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
    void nobodyAsksWhichDynamicsFamilyItIs() {
        List<Class<?>> families = List.of(Dynamics.class, Trajectory.class, DynamicsSpec.class, Setup.class, SetupSpec.class);
        classes().should(new ArchCondition<JavaClass>("not test a dynamics, trajectory, setup or their blocks with instanceof") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                c.getCodeUnits().stream().flatMap(u -> u.getInstanceofChecks().stream())
                    .filter(i -> families.stream().anyMatch(f -> i.getRawType().isAssignableTo(f)))
                    .forEach(i -> events.add(SimpleConditionEvent.violated(i, i.getOwner().getFullName() + " tests instanceof " + i.getRawType().getName() + " " + i.getSourceCodeLocation())));
            }
        }).check(classes);
    }

    @Test
    void noMethodRefusesWhatItsTypeDeclares() {
        noClasses().should().callConstructor(UnsupportedOperationException.class)
            .orShould().callConstructor(UnsupportedOperationException.class, String.class)
            .check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.modesweep.(**)").should().beFreeOfCycles().check(classes);
    }
}
