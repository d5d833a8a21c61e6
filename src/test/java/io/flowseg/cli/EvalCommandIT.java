package io.flowseg.cli;

import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;

/** The same checks against the packaged jar, where class loading, Jackson and Java2D run as users run them. */
@QuarkusMainIntegrationTest
class EvalCommandIT extends EvalCommandTest {
}
