import FixbookCLI
import Foundation

exit(await FixbookCommand.run())
