package org.sessionreview.jobs;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The jobs module's shape, checked by ArchUnit on the compiled classes: commands parse arguments
 * and attach sources and sinks around the pipeline's topology, so no job calls signal processing
 * or feature code itself; and the sample generator states its ground truth from its own plan, so
 * it uses nothing of the pipeline but the taxonomy (issue 8, item 5; {@link
 * org.sessionreview.jobs.sampledata.SampleDataGenerator}).
 */
class JobsLayeringTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importJobsClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.sessionreview.jobs");
    }

    @Test
    void shouldLeaveSignalAndFeatureWorkToThePipelineWhenCompiled() {
        noClasses()
                .that()
                .resideInAPackage("org.sessionreview.jobs..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.sessionreview.signal..", "org.sessionreview.features..")
                .because("jobs only parse arguments and attach sources and sinks (STYLE.md)")
                .check(classes);
    }

    @Test
    void shouldGenerateSampleDataWithoutPipelineCodeButTheTaxonomyWhenCompiled() {
        noClasses()
                .that()
                .resideInAPackage("org.sessionreview.jobs.sampledata..")
                .should()
                .dependOnClassesThat(resideInAPackage("org.sessionreview..")
                        .and(not(resideInAnyPackage(
                                "org.sessionreview.jobs.sampledata..", "org.sessionreview.taxonomy.."))))
                .because("planted facts come from the generator's plan, never from production code")
                .check(classes);
    }
}
