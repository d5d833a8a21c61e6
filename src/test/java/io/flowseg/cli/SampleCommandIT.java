package io.flowseg.cli;

import io.quarkus.test.junit.main.QuarkusMainIntegrationTest;

/** The same checks against the packaged jar: class loading there differs from test mode. */
@QuarkusMainIntegrationTest
class SampleCommandIT extends SampleCommandTest {
}
